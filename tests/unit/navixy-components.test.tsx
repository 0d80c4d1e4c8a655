// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { NavixyDefaultForm } from '../../lib/providers/navixy/components/NavixyDefaultForm';
import { NavixyUserTable, filterUsers } from '../../lib/providers/navixy/components/NavixyUserTable';
import { NavixySummary, settingsText } from '../../lib/providers/navixy/components/NavixySummary';
import { BatchProgress } from '../../lib/providers/navixy/components/BatchProgress';
import type { NavixyStatus, NavixyUserRow } from '../../lib/providers/navixy/protocol';

afterEach(cleanup);

const rows: NavixyUserRow[] = [
  { id: 1, login: 'anna@fleet.test', name: 'Anna Novak', mfaAllowed: true, active: true },
  { id: 2, login: 'boris@fleet.test', name: '<b>Boris</b>', mfaAllowed: false, active: true },
  { id: 3, login: 'chen@fleet.test', name: 'Chen Silva', mfaAllowed: false, active: false },
];

// NavixySignInForm: tests/unit/navixy-signin.test.tsx.

describe('NavixyDefaultForm', () => {
  it('starts on what the panel holds, asks before saving, and saves factor_types when allowed', () => {
    const onSave = vi.fn();
    render(<NavixyDefaultForm host="panel.example.com" current={{ type: 'disallowed' }} busy={false} canUpdate onSave={onSave} />);
    expect(screen.getByText('Default MFA: Disallowed')).toBeTruthy();
    expect(screen.getByText(/applies to every user who has no MFA setting of their own/)).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Disallow MFA' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Allow MFA (email code)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText(/The default of panel.example.com becomes: Allowed \(email code\). Every user with no setting/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save the default' }));
    expect(onSave).toHaveBeenCalledWith({ type: 'allowed', factor_types: ['email'] }, false);
  });

  it('"apply to all" is one confirmed step whose confirmation covers sub-users and says what "all" means by the spec and by Navixy\'s panel', () => {
    const onSave = vi.fn();
    render(<NavixyDefaultForm host="panel.example.com" current={{ type: 'allowed', factor_types: ['email'] }} busy={false} canUpdate onSave={onSave} />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Also apply this setting to all users now/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText(/the same setting is written for all users and sub-users of panel.example.com\. Users who had/)).toBeTruthy();
    expect(screen.getByText('“All users” is every user of the dealer, as Navixy’s API documents it; Navixy’s own panel says the demo user is left out.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save and apply to all users' }));
    expect(onSave).toHaveBeenCalledWith({ type: 'allowed', factor_types: ['email'] }, true);
  });

  it('keeps factor types it does not know, shown by name, when allowing', () => {
    const onSave = vi.fn();
    render(<NavixyDefaultForm host="panel.example.com" current={{ type: 'allowed', factor_types: ['email', 'authenticator_app'] }} busy={false} canUpdate onSave={onSave} />);
    expect(screen.getByText('Default MFA: Allowed (email code and authenticator_app)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the default' }));
    expect(onSave).toHaveBeenCalledWith({ type: 'allowed', factor_types: ['email', 'authenticator_app'] }, false);
  });

  it('without users: update the form is disabled and says why', () => {
    const { container } = render(<NavixyDefaultForm host="panel.example.com" current={null} busy={false} canUpdate={false} onSave={vi.fn()} />);
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('radio', { name: 'Disallow MFA' }).closest('fieldset') as HTMLFieldSetElement).disabled).toBe(true);
    expect(container.querySelector('[data-field="navixy-read-only"]')?.textContent).toContain('users: update');
  });
});

describe('NavixyUserTable', () => {
  it('shows names as text, MFA in words, and selects all shown users', () => {
    const onToggleAll = vi.fn();
    const onToggle = vi.fn();
    const { container } = render(
      <NavixyUserTable users={rows} selected={new Set([1])} filter="" disabled={false} onFilter={vi.fn()} onToggle={onToggle} onToggleAll={onToggleAll} />,
    );
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByText('<b>Boris</b>')).toBeTruthy();
    expect(screen.getAllByText('Allowed')).toHaveLength(1);
    expect(screen.getAllByText('Disallowed')).toHaveLength(2);
    expect(screen.getByText('1 user selected.')).toBeTruthy();
    expect(container.querySelectorAll('[data-field="navixy-inactive"]')).toHaveLength(1);
    expect(screen.getByText('Chen Silva').closest('td')?.textContent).toBe('Chen Silva (not activated)');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown users' }));
    expect(onToggleAll).toHaveBeenCalledWith([1, 2, 3], true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Chen Silva' }));
    expect(onToggle).toHaveBeenCalledWith(3, true);
  });

  it('filters by name or login, case-insensitively', () => {
    expect(filterUsers(rows, 'NOVAK').map((u) => u.id)).toEqual([1]);
    expect(filterUsers(rows, 'fleet.test').map((u) => u.id)).toEqual([1, 2, 3]);
    expect(filterUsers(rows, '  ').map((u) => u.id)).toEqual([1, 2, 3]);
    render(<NavixyUserTable users={rows} selected={new Set()} filter="nobody" disabled={false} onFilter={vi.fn()} onToggle={vi.fn()} onToggleAll={vi.fn()} />);
    expect(screen.getByText('No users match.')).toBeTruthy();
  });
});

describe('NavixySummary and BatchProgress', () => {
  it('the popup summary says the default and the count in words', () => {
    const now = Date.now();
    const status: NavixyStatus = {
      panel: 'https://panel.example.com', host: 'panel.example.com', apiBase: 'https://api.example.com/v2', granted: true, login: '10001',
      state: 'ready', checkedAt: now, defaultSettings: { type: 'allowed', factor_types: ['email'] }, usersTotal: 250, mfaAllowed: 51,
      countedAt: now, countedTotal: 250, canRead: true, canUpdate: true, sessionEndsAt: now + 3_600_000,
    };
    const { container, rerender } = render(<NavixySummary status={status} />);
    // The answer first: a status line with an icon and words, the count under it.
    expect(screen.getByText('Default MFA: Allowed (email code)')).toBeTruthy();
    expect(container.querySelector('[data-field="navixy-status"]')?.getAttribute('data-tone')).toBe('ok');
    expect(container.querySelector('[data-field="navixy-status"] svg')).not.toBeNull();
    expect(screen.getByText('51 of 250 users with MFA allowed')).toBeTruthy();
    expect(screen.getByText('Signed in to the panel as 10001')).toBeTruthy();
    expect(screen.getByText(/The panel ends this session at/)).toBeTruthy();
    expect(settingsText(null)).toBe('Not set');
    // A count from an earlier whole read says when it was taken; none is never made up.
    rerender(<NavixySummary status={{ ...status, countedAt: now - 2 * 3_600_000, usersTotal: 50_000 }} />);
    expect(container.querySelector('[data-field="navixy-allowed"]')?.textContent).toBe('51 of 250 users with MFA allowed · counted 2 hours ago');
    rerender(<NavixySummary status={{ ...status, mfaAllowed: null, countedAt: null, countedTotal: null }} />);
    expect(container.querySelector('[data-field="navixy-allowed"]')?.textContent).toBe('Users with MFA allowed: not counted yet (count them on the Users page)');
    // Read-only and no-read operators are told what they cannot do.
    rerender(<NavixySummary status={{ ...status, canUpdate: false }} />);
    expect(container.querySelector('[data-field="navixy-read-only"]')?.textContent).toContain('users: update');
    rerender(<NavixySummary status={{ ...status, canRead: false, canUpdate: false }} />);
    expect(container.querySelector('[data-field="navixy-default"]')).toBeNull();
    expect(container.querySelector('[data-field="navixy-no-read"]')?.textContent).toContain('users: read');
  });

  it('progress is a live status region, empty until a change runs', () => {
    const { rerender } = render(<BatchProgress progress={null} />);
    expect(screen.getByRole('status').textContent).toBe('');
    rerender(<BatchProgress progress={{ batch: 2, batches: 3, done: 100, total: 250 }} />);
    expect(screen.getByRole('status').textContent).toBe('Batch 2 of 3: 100 of 250 users done.');
    const bar = screen.getByRole('progressbar', { name: 'Progress of the change' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([100, 250]);
  });
});
