// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { Command, NavixyStatus } from '../../lib/providers/navixy/protocol';

/**
 * Issue 27 (navixy): the Navixy popup follows the DocSpace popup's pattern: the shared header with refresh and
 * settings, a status line with an icon and words, and one primary action.
 */
vi.mock('../../lib/providers/navixy/call', () => ({ call: vi.fn() }));
vi.mock('../../lib/ui', async (real) => ({ ...(await real<Record<string, unknown>>()), openOptionsPage: vi.fn(async () => undefined) }));
const { call } = await import('../../lib/providers/navixy/call');
const { openOptionsPage } = await import('../../lib/ui');
const { NavixyPopup } = await import('../../lib/providers/navixy/views/NavixyPopup');

afterEach(cleanup);

const PANEL = 'https://panel.example.com';
const status: NavixyStatus = {
  panel: PANEL, host: 'panel.example.com', apiBase: 'https://api.example.com/v2', granted: true, login: '10001', sessionEndsAt: null,
  canRead: true, canUpdate: true, state: 'ready', checkedAt: 0, defaultSettings: { type: 'disallowed' },
  usersTotal: 40, mfaAllowed: 12, countedAt: 0, countedTotal: 40,
};

describe('the Navixy popup', () => {
  it('answers first (Default MFA, users with MFA allowed), has one primary action, and refreshes and opens settings from its header', async () => {
    const sent: Command[] = [];
    vi.mocked(call).mockImplementation((async (cmd: Command) => {
      sent.push(cmd);
      return { ok: true, value: status };
    }) as typeof call);
    const { container } = render(<NavixyPopup found={{ origin: PANEL, isBrowserPage: false }} />);
    await screen.findByText('Default MFA: Disallowed');
    expect(screen.getByText('12 of 40 users with MFA allowed')).toBeTruthy();
    expect(container.querySelector('[data-field="navixy-status"] svg')).not.toBeNull();
    expect([...container.querySelectorAll('button.primary')].map((b) => b.textContent)).toEqual(['Manage users’ MFA']);
    const refresh = await screen.findByRole('button', { name: 'Check again' });
    await waitFor(() => expect((refresh as HTMLButtonElement).disabled).toBe(false));
    const reads = sent.length;
    fireEvent.click(refresh);
    await waitFor(() => expect(sent.length).toBe(reads + 1));
    expect(sent.at(-1)).toEqual({ type: 'getNavixyStatus', panel: PANEL, refresh: true });
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(vi.mocked(openOptionsPage)).toHaveBeenCalledWith(`?view=navixy&panel=${encodeURIComponent(PANEL)}`);
  });
});
