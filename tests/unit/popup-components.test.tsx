// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { StatusCard } from '../../lib/providers/docspace/components/StatusCard';
import { CheckedLine, StatusActions } from '../../lib/providers/docspace/components/StatusActions';
import { ApiKeyForm } from '../../lib/providers/docspace/components/ApiKeyForm';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PopupHeader } from '../../components/PopupHeader';
import type { PortalStatus } from '../../lib/providers/docspace/protocol';

afterEach(cleanup);

const base: PortalStatus = {
  origin: 'https://docs.example.com', host: 'docs.example.com', state: 'ready', version: '3.7.2', auth: 'cookie', checkedAt: 0,
  me: { id: 'u1', displayName: '<img src=x onerror=alert(1)>', email: 'a@b.c', role: 'admin' },
  policy: {
    method: 'app', smsAvailable: false, appAvailable: true,
    trustedIps: { total: 6, invalid: 0, breaking: 0, first: ['10.0.0.0/8', '192.168.1.1', '::1'].map((ip) => ({ id: ip, name: ip })) },
    mandatoryUsers: { total: 1, invalid: 0, first: [{ id: 'm1', name: '' }] },
    mandatoryGroups: { total: 0, invalid: 0, first: [] },
  },
  applies: { kind: 'outsideTrusted' }, enrolment: { state: 'enrolled', unusedCodes: 3, totalCodes: 5 }, enrolmentInProgress: false, signInUrl: 'https://docs.example.com/login',
};

describe('StatusCard', () => {
  // The admins' policy block loads just after the status (components/lazy.tsx); once loaded, it renders at once.
  beforeAll(async () => {
    render(<StatusCard status={base} names={{}} />);
    await screen.findByRole('heading', { name: 'Portal policy' });
    cleanup();
  });

  it('shows names from the portal as text, never as markup', () => {
    const { container } = render(<StatusCard status={base} names={null} />);
    expect(screen.getByText(/Signed in as <img src=x onerror=alert\(1\)>/)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });

  it('says how long ago the status was checked, in words (the footer line)', () => {
    const { rerender } = render(<CheckedLine checkedAt={1_000_000} now={1_000_000 + 20_000} />);
    expect(screen.getByText('Checked just now')).toBeTruthy();
    rerender(<CheckedLine checkedAt={1_000_000} now={1_000_000 + 3 * 60_000} />);
    expect(screen.getByText('Checked 3 minutes ago')).toBeTruthy();
    rerender(<CheckedLine checkedAt={1_000_000} now={1_000_000 + 26 * 3600_000} />);
    expect(screen.getByText('Checked 1 day ago')).toBeTruthy();
  });

  it('says the policy, who it applies to and the authenticator in words', () => {
    render(<StatusCard status={base} names={{ m1: { id: 'm1', name: 'Alice Smith', email: 'alice@x.test' } }} />);
    expect(screen.getByText('On, authenticator app')).toBeTruthy();
    expect(screen.getByText('Yes, except from trusted IP addresses')).toBeTruthy();
    expect(screen.getByText('Set up')).toBeTruthy();
    expect(screen.getByText('Alice Smith')).toBeTruthy();
    expect(screen.getByText('alice@x.test')).toBeTruthy();
  });

  it('admin: two blocks with visible headings, "You" (role as a chip) and "Portal policy" with Change policy', () => {
    const onOpen = vi.fn();
    render(<StatusCard status={base} names={{}} onOpen={onOpen} />);
    const you = screen.getByRole('region', { name: 'You' });
    const policy = screen.getByRole('region', { name: 'Portal policy' });
    expect(you.querySelector('.role-chip')?.textContent).toBe('Admin');
    expect(you.textContent).not.toContain('(Admin)');
    expect(you.querySelector('[data-field="applies"]')?.textContent).toContain('Yes, except from trusted IP addresses');
    expect(policy.querySelector('[data-field="policy"]')?.textContent).toContain('On, authenticator app');
    expect(policy.textContent).toContain('10.0.0.0/8');
    expect(you.textContent).not.toContain('10.0.0.0/8');
    fireEvent.click(screen.getByRole('button', { name: 'Backup codes' }));
    fireEvent.click(screen.getByRole('button', { name: 'Change policy' }));
    expect(onOpen.mock.calls).toEqual([['codes'], ['policy']]);
  });

  it('user: only the "You" block; no policy block, lists or Change policy', () => {
    render(<StatusCard status={{ ...base, me: { ...base.me!, role: 'user' } }} names={null} />);
    expect(screen.getByRole('region', { name: 'You' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Portal policy' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Change policy' })).toBeNull();
    expect(screen.getByRole('region', { name: 'You' }).querySelector('.role-chip')?.textContent).toBe('User');
  });

  it('shows the first entries and a count, and asks for the rest a page at a time', async () => {
    const more = vi.fn(async (offset: number, count: number) => ({
      ok: true as const, value: { total: 6, items: ['172.16.0.0/12', '203.0.113.0/24', '198.51.100.7'].slice(offset - 3, offset - 3 + count).map((ip) => ({ id: ip, name: ip })) },
    }));
    render(<StatusCard status={base} names={{}} onMore={(list) => (o, c) => (list === 'trustedIps' ? more(o, c) : Promise.resolve({ ok: true as const, value: { total: 0, items: [] } }))} />);
    const list = screen.getByRole('list', { name: 'Trusted IP addresses (6)' });
    expect(list.querySelectorAll('li')).toHaveLength(4);
    fireEvent.click(screen.getByRole('button', { name: 'and 3 more' }));
    await screen.findByText('198.51.100.7');
    expect(more).toHaveBeenCalledWith(3, 20);
    expect(screen.queryByRole('button', { name: /more/ })).toBeNull();
  });

  it('says how many of thousands there are and names only the first few', () => {
    const ids = Array.from({ length: 3 }, (_, i) => `0000000${i}-0000-4000-8000-000000000000`);
    const big: PortalStatus = {
      ...base,
      policy: {
        ...base.policy!,
        trustedIps: { total: 12, invalid: 2, breaking: 0, first: [{ id: '10.0.0.1', name: '10.0.0.1' }, { id: 'not an ip', name: 'not an ip', invalid: true }, { id: '10.0.0.2', name: '10.0.0.2' }] },
        mandatoryUsers: { total: 5000, invalid: 0, first: ids.map((id) => ({ id, name: '' })) },
      },
    };
    render(<StatusCard status={big} names={{ [ids[0]!]: { id: ids[0]!, name: 'Alice' }, [ids[1]!]: { id: ids[1]!, name: '', missing: true } }} />);
    const users = screen.getByRole('list', { name: 'Users who always need a code (5,000)' });
    expect(users.querySelectorAll('li')).toHaveLength(4);
    expect(users.textContent).toContain('Alice');
    expect(users.textContent).toContain('Deleted (00000001…)');
    expect(users.textContent).toContain('Not visible to you (00000002…)');
    expect(screen.getByRole('button', { name: 'and 4,997 more' })).toBeTruthy();
    // Stored entries that never match (judged as the portal does, §12.1) are shown as they are, marked, and not counted as ranges.
    expect(screen.getByRole('list', { name: 'Trusted IP addresses (10)' }).textContent).toContain('not an ip (matches no one)');
    expect(screen.getByText('2 entries match no one and are ignored')).toBeTruthy();
    expect(screen.queryByText(/Loading/)).toBeNull();
  });

  it('says when an entry is shown shortened, with its full length (issue 24 §4: the status keeps 100 characters of it)', () => {
    const start = `${'x'.repeat(100)}…`;
    const clipped: PortalStatus = {
      ...base,
      policy: {
        ...base.policy!,
        trustedIps: { total: 1, invalid: 1, breaking: 0, first: [{ id: start, name: start, invalid: true, clipped: 3_000_000 }] },
        mandatoryUsers: { total: 1, invalid: 1, first: [{ id: start, name: '', invalid: true, clipped: 2_500 }] },
      },
    };
    render(<StatusCard status={clipped} names={null} />);
    const texts = screen.getAllByRole('list').map((l) => l.textContent);
    expect(texts).toContain(`${start} (shortened, 3,000,000 characters in all) (matches no one)`);
    expect(texts).toContain(`${start} (shortened, 2,500 characters in all) (matches no one)`);
  });

  it('hides the admin details from non-admins', () => {
    render(<StatusCard status={{ ...base, me: { ...base.me!, role: 'user' } }} names={null} />);
    expect(screen.queryByText('10.0.0.0/8')).toBeNull();
  });
});

describe('StatusActions: one primary action for the state', () => {
  it('set up when the policy applies and I am not set up, full width, and nothing else', () => {
    const onOpen = vi.fn();
    render(<StatusActions status={{ ...base, enrolment: { state: 'notEnrolled' } }} onOpen={onOpen} onMakeNewCodes={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Set up authenticator' }));
    expect(onOpen.mock.calls).toEqual([['enrol']]);
    expect(screen.getAllByRole('button')).toHaveLength(1);
    expect(screen.getByRole('button').className).toContain('wide');
  });

  it('continue setup while a setup is under way', () => {
    render(<StatusActions status={{ ...base, enrolment: { state: 'notEnrolled' }, enrolmentInProgress: true }} onOpen={() => undefined} onMakeNewCodes={() => undefined} />);
    expect(screen.getByRole('button', { name: 'Continue setup' })).toBeTruthy();
  });

  it('make new codes when one or none are left', () => {
    const onMakeNewCodes = vi.fn();
    render(<StatusActions status={{ ...base, enrolment: { state: 'enrolled', unusedCodes: 1, totalCodes: 5 } }} onOpen={() => undefined} onMakeNewCodes={onMakeNewCodes} />);
    fireEvent.click(screen.getByRole('button', { name: 'Make new backup codes' }));
    expect(onMakeNewCodes).toHaveBeenCalledOnce();
  });

  it('none when all is well', () => {
    render(<StatusActions status={base} onOpen={() => undefined} onMakeNewCodes={() => undefined} />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('PopupHeader', () => {
  it('host over its caption; refresh and settings are named icon buttons; refresh is disabled and busy while refreshing', () => {
    const onRefresh = vi.fn();
    const onSettings = vi.fn();
    const { rerender } = render(<PopupHeader title="docs.example.com" subtitle="DocSpace 3.7" onRefresh={onRefresh} onSettings={onSettings} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('docs.example.com');
    expect(screen.getByText('DocSpace 3.7')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect([onRefresh.mock.calls.length, onSettings.mock.calls.length]).toEqual([1, 1]);
    rerender(<PopupHeader title="docs.example.com" onRefresh={onRefresh} refreshing onSettings={onSettings} />);
    const refresh = screen.getByRole('button', { name: 'Check again' }) as HTMLButtonElement;
    expect(refresh.disabled).toBe(true);
    expect(refresh.getAttribute('aria-busy')).toBe('true');
  });

  it('no buttons without handlers', () => {
    render(<PopupHeader title="panel.example.com" subtitle="Navixy Admin Panel" />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('ApiKeyForm', () => {
  it('validates the key before sending and sends remember only when ticked', () => {
    const onSubmit = vi.fn();
    render(<ApiKeyForm busy={false} onSubmit={onSubmit} />);
    const input = screen.getByLabelText('API key (starts with sk-)');
    fireEvent.input(input, { target: { value: 'hunter2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use this key' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(input, { target: { value: '  sk-0123456789abcdef  ' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /Remember on this device/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Use this key' }));
    expect(onSubmit).toHaveBeenCalledWith('sk-0123456789abcdef', true);
  });

  it('in a private window: no "remember on this device", the key is said to be kept until the browser closes', () => {
    const onSubmit = vi.fn();
    render(<ApiKeyForm busy={false} privateWindow onSubmit={onSubmit} />);
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.getByText('In a private window the key is never saved on this device: it is forgotten when the browser closes.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('API key (starts with sk-)'), { target: { value: 'sk-0123456789abcdef' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use this key' }));
    expect(onSubmit).toHaveBeenCalledWith('sk-0123456789abcdef', false);
  });
});

describe('ErrorNotice', () => {
  it('names the portal and the status, and offers Retry when it helps', () => {
    const onRetry = vi.fn();
    render(<ErrorNotice error={{ kind: 'server', origin: 'https://docs.example.com', status: 502 }} onRetry={onRetry} />);
    expect(screen.getByRole('alert').textContent).toContain('docs.example.com had an internal error (HTTP 502).');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});
