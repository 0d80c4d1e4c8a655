// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { AppError } from '../../lib/errors';
import type { Command, CommandOf, CommandType, MfaSettings, NavixyStatus, NavixyUserRow, Reply } from '../../lib/providers/navixy/protocol';

/**
 * Issue 25 (writes): what the users page says and sends around writes, with the background mocked.
 * A failed batch, users already in the state asked for, the exact "all users" confirmations, a
 * saved default whose write to all failed, the long wait, and the re-read after any write error.
 */
vi.mock('../../lib/providers/navixy/call', () => ({ call: vi.fn() }));
const { call } = await import('../../lib/providers/navixy/call');
const { NavixyUsersView } = await import('../../lib/providers/navixy/views/NavixyUsersView');

afterEach(cleanup);

const PANEL = 'https://panel.example.com';
const HOST = 'panel.example.com';
type Handlers = { [K in CommandType]?: (cmd: CommandOf<K>) => Reply<K> | Promise<Reply<K>> };

/** The mocked background: answers by command type; returns the commands sent, in order. */
function backend(handlers: Handlers): Command[] {
  const sent: Command[] = [];
  vi.mocked(call).mockImplementation((async (cmd: Command) => {
    sent.push(cmd);
    const h = handlers[cmd.type] as ((c: Command) => unknown) | undefined;
    return h ? h(cmd) : { ok: false, error: { kind: 'noReply' } };
  }) as typeof call);
  return sent;
}

const status = (defaultSettings: MfaSettings | null = { type: 'disallowed' }): NavixyStatus => ({
  panel: PANEL, host: HOST, apiBase: 'https://api.example.com/v2', granted: true, login: 'admin', sessionEndsAt: null,
  canRead: true, canUpdate: true, state: 'ready', checkedAt: 0, defaultSettings,
  usersTotal: null, mfaAllowed: null, countedAt: null, countedTotal: null,
});
const rows = (n: number, allowed: (id: number) => boolean = () => false): NavixyUserRow[] =>
  Array.from({ length: n }, (_, i) => ({ id: i + 1, login: `u${i + 1}@fleet.test`, name: `User ${i + 1}`, mfaAllowed: allowed(i + 1), active: true }));
const SERVER_ERROR: AppError = { kind: 'server', origin: PANEL, status: 503 };

function base(users: NavixyUserRow[], extra: Handlers = {}, defaultSettings?: MfaSettings | null): Command[] {
  return backend({
    getNavixyStatus: () => ({ ok: true, value: status(defaultSettings) }),
    listNavixyUsers: () => ({ ok: true, value: { mode: 'whole', users, count: users.length } }),
    ...extra,
  });
}

const updates = (sent: Command[]) => sent.flatMap((c) => (c.type === 'updateNavixyMfa' ? [c] : []));
const idsOf = (sent: Command[]) => updates(sent).map((c) => (c.target.type === 'selected' ? c.target.ids : 'all'));

async function open() {
  render(<NavixyUsersView panel={PANEL} onPanels={vi.fn()} />);
  await screen.findByRole('checkbox', { name: 'Select all shown users' });
}

// Hundreds of rows rendered: slower than most component tests on a loaded machine.
describe('a failed batch', { timeout: 20_000 }, () => {
  it('says the failing batch was sent and may be partly applied, which later batches were not sent, and that the list was read again', async () => {
    let batch = 0;
    const sent = base(rows(450), { updateNavixyMfa: () => (++batch === 3 ? { ok: false, error: SERVER_ERROR } : { ok: true, value: { target: 'selected', count: 100 } }) });
    await open();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown users' }));
    const before = sent.length;
    fireEvent.click(screen.getByRole('button', { name: 'Allow MFA' }));
    await screen.findByText('Batch 3 of 5 (100 users) failed and may be partly applied; batches 4–5 (150 users) were not sent. The list below was read again from the panel.');
    expect(idsOf(sent).map((ids) => ids.length)).toEqual([100, 100, 100]);
    // After the error: the default (status) and the list are read again.
    expect(sent.slice(before).map((c) => c.type)).toEqual(['updateNavixyMfa', 'updateNavixyMfa', 'updateNavixyMfa', 'getNavixyStatus', 'listNavixyUsers']);
    expect(screen.getByRole('alert')).toBeTruthy();
  });

  it('the last batch failing names only it', async () => {
    let batch = 0;
    base(rows(250), { updateNavixyMfa: () => (++batch === 3 ? { ok: false, error: SERVER_ERROR } : { ok: true, value: { target: 'selected', count: 100 } }) });
    await open();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown users' }));
    fireEvent.click(screen.getByRole('button', { name: 'Disallow MFA' }));
    // Every user is disallowed already: nothing to send.
    await screen.findByText('250 selected users already had MFA disallowed and were not written, so they still follow the default. Nothing was sent.');
    fireEvent.click(screen.getByRole('button', { name: 'Allow MFA' }));
    await screen.findByText('Batch 3 of 3 (50 users) failed and may be partly applied. The list below was read again from the panel.');
  });

  it('one batch left after the failing one is named alone', async () => {
    let batch = 1;
    base(rows(250), { updateNavixyMfa: () => (++batch === 3 ? { ok: false, error: SERVER_ERROR } : { ok: true, value: { target: 'selected', count: 100 } }) });
    await open();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown users' }));
    fireEvent.click(screen.getByRole('button', { name: 'Allow MFA' }));
    await screen.findByText('Batch 2 of 3 (100 users) failed and may be partly applied; batch 3 (50 users) was not sent. The list below was read again from the panel.');
  });
});

describe('selected users already in the state asked for', () => {
  it('are not written (they keep following the default), and the page says how many were skipped', async () => {
    const sent = base(rows(5, (id) => id % 2 === 1), { updateNavixyMfa: (c) => ({ ok: true, value: { target: 'selected', count: c.target.type === 'selected' ? c.target.ids.length : null } }) });
    await open();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown users' }));
    fireEvent.click(screen.getByRole('button', { name: 'Allow MFA' }));
    await screen.findByText(/^MFA allowed for 2 users. 3 selected users already had MFA allowed and were not written, so they still follow the default\./);
    expect(idsOf(sent)).toEqual([[2, 4]]);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown users' }));
    fireEvent.click(screen.getByRole('button', { name: 'Disallow MFA' }));
    await screen.findByText(/^MFA disallowed for 3 users. 2 selected users already had MFA disallowed/);
    expect(idsOf(sent)).toEqual([[2, 4], [1, 3, 5]]);
  });
});

describe('writes to all users', () => {
  it('"allow for all" confirms exactly the factor types sent and what "all" means; the wait says two minutes; an error is followed by a re-read', async () => {
    let answer: (r: Reply<'updateNavixyMfa'>) => void = () => undefined;
    const sent = base(rows(3), { updateNavixyMfa: () => new Promise((resolve) => (answer = resolve)) }, { type: 'allowed', factor_types: ['email', 'authenticator_app'] });
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Allow MFA for all users…' }));
    screen.getByText(`Every user of ${HOST} gets exactly this setting: MFA allowed with: email code and authenticator_app. That turns MFA on for them at their next sign-in.`);
    screen.getByText('“All users” is every user of the dealer, as Navixy’s API documents it; Navixy’s own panel says the demo user is left out.');
    fireEvent.click(screen.getByRole('button', { name: 'Allow for all users' }));
    await screen.findByText('The panel may take a while to apply this; waiting up to two minutes for its answer.');
    expect(updates(sent).map((c) => [c.target, c.settings])).toEqual([[{ type: 'all' }, { type: 'allowed', factor_types: ['email', 'authenticator_app'] }]]);
    const before = sent.length;
    answer({ ok: false, error: SERVER_ERROR });
    await screen.findByText('The default and the list below were read again from the panel, so they show what it now holds.');
    expect(sent.slice(before).map((c) => c.type)).toEqual(['getNavixyStatus', 'listNavixyUsers']);
  });

  it('"disallow for all" says what is sent and what "all" means, in the same words', async () => {
    base(rows(3));
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Disallow MFA for all users…' }));
    screen.getByText(`Every user of ${HOST} gets exactly this setting: MFA disallowed. Users who rely on MFA lose it.`);
    screen.getByText('“All users” is every user of the dealer, as Navixy’s API documents it; Navixy’s own panel says the demo user is left out.');
  });
});

describe('the default', () => {
  it('saved, then "apply to all users" failed: the page says both, shows the error and reads the default and the list again', async () => {
    const saved: MfaSettings = { type: 'allowed', factor_types: ['email'] };
    const sent = base(rows(3), { setNavixyDefault: () => ({ ok: true, value: { settings: saved, appliedToAll: false, allError: SERVER_ERROR } }) });
    await open();
    fireEvent.click(screen.getByRole('radio', { name: 'Allow MFA (email code)' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Also apply this setting to all users now/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const before = sent.length;
    fireEvent.click(screen.getByRole('button', { name: 'Save and apply to all users' }));
    await screen.findByText('The default was saved (Allowed (email code)), but writing it to all users failed (the error is above); some users may already have it. The default and the list below were read again from the panel, so they show what it now holds.');
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(sent.slice(before).map((c) => c.type)).toEqual(['setNavixyDefault', 'getNavixyStatus', 'listNavixyUsers']);
  });

  it('a default that failed to save is followed by a re-read too', async () => {
    const sent = base(rows(3), { setNavixyDefault: () => ({ ok: false, error: SERVER_ERROR }) });
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the default' }));
    await screen.findByText('The default and the list below were read again from the panel, so they show what it now holds.');
    await waitFor(() => expect(sent.map((c) => c.type).slice(-3)).toEqual(['setNavixyDefault', 'getNavixyStatus', 'listNavixyUsers']));
  });
});
