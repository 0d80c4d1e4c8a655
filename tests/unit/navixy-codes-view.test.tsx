// @vitest-environment happy-dom
// Issue 25 §5 in the users view: "allow" is never sent from a default with an unreadable factor type, and the view's
// reload reads the status again (with the session's permissions), not only the list.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { call } from '../../lib/providers/navixy/call';
import { NavixyUsersView } from '../../lib/providers/navixy/views/NavixyUsersView';
import type { HeldSettings, NavixyStatus, NavixyUserList } from '../../lib/providers/navixy/protocol';

vi.mock('../../lib/providers/navixy/call', () => ({ call: vi.fn() }));
afterEach(cleanup);

const panel = 'https://panel.example.com';
const statusWith = (defaultSettings: HeldSettings | null, canUpdate = true): NavixyStatus => ({
  panel, host: 'panel.example.com', apiBase: 'https://api.example.com/v2', granted: true, login: '10001', sessionEndsAt: null,
  state: 'ready', checkedAt: Date.now(), defaultSettings, usersTotal: 3, mfaAllowed: 1, countedAt: Date.now(), countedTotal: 3,
  canRead: true, canUpdate,
});
const list: NavixyUserList = {
  mode: 'whole', count: 3,
  users: [
    { id: 1, login: 'anna@fleet.test', name: 'Anna Novak', mfaAllowed: false, active: true },
    { id: 2, login: 'boris@fleet.test', name: 'Boris Novak', mfaAllowed: false, active: true },
    { id: 3, login: 'clara@fleet.test', name: 'Clara Novak', mfaAllowed: true, active: true },
  ],
};

/** The mocked background: the status (as `status()` says now) and the list; every command sent is recorded. */
function answer(status: () => NavixyStatus): { type: string }[] {
  const sent: { type: string }[] = [];
  vi.mocked(call).mockImplementation((async (cmd: { type: string }) => {
    sent.push(cmd);
    if (cmd.type === 'getNavixyStatus') return { ok: true, value: status() };
    if (cmd.type === 'listNavixyUsers') return { ok: true, value: list };
    return { ok: true, value: { target: 'selected', count: 1 } };
  }) as typeof call);
  return sent;
}

describe('NavixyUsersView', () => {
  it('a default with an unreadable factor type: "allow" for selected or all users sends nothing and says why', async () => {
    const sent = answer(() => statusWith({ type: 'allowed', factor_types: ['email'], unreadable: true }));
    render(<NavixyUsersView panel={panel} onPanels={vi.fn()} />);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select Boris Novak' }));
    fireEvent.click(screen.getByRole('button', { name: 'Allow MFA' }));
    await screen.findByText('The default of the Navixy panel panel.example.com holds a factor type the extension cannot read, so allowing MFA from here could drop it.', { selector: '.error-text' });
    fireEvent.click(screen.getByRole('button', { name: 'Allow MFA for all users…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Allow for all users' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Allow for all users' })).toBeNull());
    expect(sent.filter((c) => c.type === 'updateNavixyMfa')).toEqual([]);
    // Disallowing drops nothing the panel would keep: still sent (for a user who has MFA allowed; one who has not is skipped).
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Boris Novak' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Clara Novak' }));
    fireEvent.click(screen.getByRole('button', { name: 'Disallow MFA' }));
    await waitFor(() => expect(sent.filter((c) => c.type === 'updateNavixyMfa')).toHaveLength(1));
    expect(sent.find((c) => c.type === 'updateNavixyMfa')).toMatchObject({ target: { type: 'selected', ids: [3] }, settings: { type: 'disallowed' } });
  });

  it('"Reload users" reads the status again (a permission granted meanwhile shows), then the list', async () => {
    let canUpdate = false;
    const sent = answer(() => statusWith({ type: 'disallowed' }, canUpdate));
    render(<NavixyUsersView panel={panel} onPanels={vi.fn()} />);
    await screen.findByText('You can view users; changing MFA needs the users: update permission.');
    sent.length = 0;
    canUpdate = true;
    fireEvent.click(screen.getByRole('button', { name: 'Reload users' }));
    await waitFor(() => expect(screen.queryByText('You can view users; changing MFA needs the users: update permission.')).toBeNull());
    expect(sent).toEqual([{ type: 'getNavixyStatus', panel, refresh: true }, { type: 'listNavixyUsers', panel }]);
    expect((screen.getByRole('button', { name: 'Allow MFA for all users…' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
