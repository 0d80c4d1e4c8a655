// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import type { Command, CommandOf, CommandType, MfaSettings, NavixyStatus, NavixyUserRow, Reply } from '../../lib/providers/navixy/protocol';

/**
 * Issue 27 (navixy): the users page in the shared form look (components/forms.css). Every control sits in one of the
 * shared wrappers, the default is a status pill in words, bulk changes to the selection live in a bar that appears
 * with a count, the all-users changes are quiet, and each user's MFA is a pill in words.
 */
vi.mock('../../lib/providers/navixy/call', () => ({ call: vi.fn() }));
const { call } = await import('../../lib/providers/navixy/call');
const { NavixyUsersView } = await import('../../lib/providers/navixy/views/NavixyUsersView');
const { NavixyPanelsView } = await import('../../lib/providers/navixy/views/NavixyPanelsView');

afterEach(cleanup);

const PANEL = 'https://panel.example.com';
type Handlers = { [K in CommandType]?: (cmd: CommandOf<K>) => Reply<K> };

function backend(handlers: Handlers) {
  vi.mocked(call).mockImplementation((async (cmd: Command) => {
    const h = handlers[cmd.type] as ((c: Command) => unknown) | undefined;
    return h ? h(cmd) : { ok: false, error: { kind: 'noReply' } };
  }) as typeof call);
}

const status = (defaultSettings: MfaSettings | null): NavixyStatus => ({
  panel: PANEL, host: 'panel.example.com', apiBase: 'https://api.example.com/v2', granted: true, login: 'admin', sessionEndsAt: null,
  canRead: true, canUpdate: true, state: 'ready', checkedAt: 0, defaultSettings,
  usersTotal: null, mfaAllowed: null, countedAt: null, countedTotal: null,
});
const users: NavixyUserRow[] = [
  { id: 1, login: 'ana@fleet.test', name: 'Ana Novak', mfaAllowed: true, active: true },
  { id: 2, login: 'boris@fleet.test', name: 'Boris Lee', mfaAllowed: false, active: true },
  { id: 3, login: 'chen@fleet.test', name: 'Chen Silva', mfaAllowed: false, active: false },
];

async function openUsers(defaultSettings: MfaSettings | null = { type: 'disallowed' }) {
  backend({
    getNavixyStatus: () => ({ ok: true, value: status(defaultSettings) }),
    listNavixyUsers: () => ({ ok: true, value: { mode: 'whole', users, count: users.length } }),
  });
  const view = render(<NavixyUsersView panel={PANEL} onPanels={vi.fn()} />);
  await screen.findByRole('checkbox', { name: 'Select all shown users' });
  return view;
}

/** The shared wrappers a control may sit in (components/forms.css), or a table's checkbox cell. */
const SHARED = '.field, .radio-row, .check-row, .search-field, .inline-field, .check-cell';
/** A control named for the failure message: its tag, type and accessible label. */
const describeControl = (c: Element) => `${c.tagName.toLowerCase()}[type=${c.getAttribute('type') ?? ''}] ${c.getAttribute('aria-label') ?? c.id}`;

describe('no bare browser controls on the Navixy pages', () => {
  it('every input and select of the users page sits in a shared form wrapper', async () => {
    const { container } = await openUsers();
    const controls = [...container.querySelectorAll('input, select')];
    expect(controls.length).toBeGreaterThan(4);
    expect(controls.filter((c) => !c.closest(SHARED)).map(describeControl)).toEqual([]);
  });

  it('and of the panels page (add form, API server choice)', async () => {
    backend({ listNavixyPanels: () => ({ ok: true, value: [] }) });
    const { container } = render(<NavixyPanelsView prefill={null} onOpen={vi.fn()} />);
    await screen.findByText('No Navixy panels yet.');
    const controls = [...container.querySelectorAll('input, select')];
    expect(controls.length).toBeGreaterThan(3);
    expect(controls.filter((c) => !c.closest(SHARED)).map(describeControl)).toEqual([]);
  });
});

describe('the default MFA card', () => {
  it('shows the default as a pill in words next to the heading, the apply-to-all checkbox outside the choices with a warning, and a short Save', async () => {
    const { container } = await openUsers();
    const heading = screen.getByRole('heading', { name: 'Default MFA setting' });
    const pill = heading.parentElement?.querySelector('.status-pill');
    expect(pill?.textContent).toBe('Default MFA: Disallowed');
    expect(pill?.querySelector('svg')).not.toBeNull();
    const group = screen.getByRole('group', { name: 'MFA for users with no setting of their own' });
    const all = screen.getByRole('checkbox', { name: /Also apply this setting to all users now/ });
    expect(group.contains(all)).toBe(false);
    expect(all.closest('.check-row.warn')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
    expect(container.querySelector('[data-field="navixy-default-current"]')?.getAttribute('data-tone')).toBe('neutral');
  });

  it('an allowed default is a green pill; none held is an outline "Not set"', async () => {
    const { container, unmount } = await openUsers({ type: 'allowed', factor_types: ['email'] });
    expect(container.querySelector('[data-field="navixy-default-current"]')?.getAttribute('data-tone')).toBe('ok');
    expect(container.querySelector('[data-field="navixy-default-current"]')?.textContent).toBe('Default MFA: Allowed (email code)');
    unmount();
    const again = await openUsers(null);
    expect(again.container.querySelector('[data-field="navixy-default-current"]')?.textContent).toBe('Default MFA: Not set');
    expect(again.container.querySelector('[data-field="navixy-default-current"]')?.getAttribute('data-tone')).toBe('outline');
  });
});

describe('the users table', () => {
  it('shows each user\'s MFA as a pill in words', async () => {
    const { container } = await openUsers();
    const pills = [...container.querySelectorAll('table [data-field="navixy-mfa"]')];
    expect(pills.map((p) => [p.textContent, p.classList.contains('status-pill')])).toEqual([['Allowed', true], ['Disallowed', true], ['Disallowed', true]]);
    // The select-all checkbox is in the table's header, the filter a search field in the toolbar.
    expect(screen.getByRole('checkbox', { name: 'Select all shown users' }).closest('thead')).not.toBeNull();
    expect(screen.getByRole('searchbox', { name: 'Filter users by name or login' }).closest('.search-field')?.querySelector('svg')).not.toBeNull();
  });

  it('no selection, no bar; selecting shows the bar with the count and the actions for the selection, and clearing hides it', async () => {
    const { container } = await openUsers();
    expect(container.querySelector('[data-field="navixy-selection-bar"]')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Allow MFA' })).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Boris Lee' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Chen Silva' }));
    const bar = screen.getByRole('group', { name: 'Selected users' });
    expect(within(bar).getByText('2 selected')).toBeTruthy();
    expect(within(bar).getByRole('button', { name: 'Allow MFA' }).className).toContain('primary');
    expect(within(bar).getByRole('button', { name: 'Disallow MFA' })).toBeTruthy();
    // The bar sits above the table; the count is also announced.
    expect(bar.compareDocumentPosition(container.querySelector('table')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(container.querySelector('[data-field="navixy-selected"]')?.textContent).toBe('2 users selected.');
    fireEvent.click(within(bar).getByRole('button', { name: 'Clear selection' }));
    expect(container.querySelector('[data-field="navixy-selection-bar"]')).toBeNull();
  });

  it('the all-users changes are quiet, beside the title with the reload icon button', async () => {
    await openUsers();
    const heading = screen.getByRole('heading', { name: 'Users' });
    const row = heading.parentElement!;
    const reload = within(row).getByRole('button', { name: 'Reload users' });
    expect(reload.textContent).toBe('');
    expect(reload.querySelector('svg')).not.toBeNull();
    const group = within(row).getByRole('group', { name: 'All users' });
    for (const name of ['Allow MFA for all users…', 'Disallow MFA for all users…']) {
      expect(within(group).getByRole('button', { name }).className).toContain('quiet');
    }
  });
});

describe('the panels list', () => {
  const info = { panel: PANEL, host: 'panel.example.com', apiBase: 'https://api.example.com/v2', granted: true, login: 'admin', sessionEndsAt: null };

  it('names the host only to screen readers; "Forget panel" is quiet, confirmed in place with Cancel on the left', async () => {
    backend({ listNavixyPanels: () => ({ ok: true, value: [info] }) });
    render(<NavixyPanelsView prefill={null} onOpen={vi.fn()} />);
    const manage = await screen.findByRole('button', { name: 'Manage panel.example.com' });
    expect(manage.textContent).toBe('Manage');
    const forget = screen.getByRole('button', { name: 'Forget panel: panel.example.com' });
    expect([forget.textContent, forget.className]).toEqual(['Forget panel', 'quiet danger']);
    fireEvent.click(forget);
    const group = screen.getByRole('group', { name: 'Forget panel: panel.example.com' });
    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual(['Cancel', 'Forget panel']);
  });

  it('opened from a card\'s "Forget panel" (?forget=<panel>), the confirmation shows at once', async () => {
    backend({ listNavixyPanels: () => ({ ok: true, value: [info] }) });
    render(<NavixyPanelsView prefill={null} forget={PANEL} onOpen={vi.fn()} />);
    expect(await screen.findByRole('group', { name: 'Forget panel: panel.example.com' })).toBeTruthy();
    expect(screen.getByText('Sign out of panel.example.com and delete its addresses and session from this device? The panel itself is not changed.')).toBeTruthy();
  });
});
