// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { UsersSummary } from '../../lib/providers/navixy/components/NavixyUsersSummary';
import { ServerSearch, FIRST_PAGE } from '../../lib/providers/navixy/components/NavixyServerSearch';
import type { NavixyCount } from '../../lib/providers/navixy/views/useNavixyCount';
import type { NavixyStatus, NavixyUserList } from '../../lib/providers/navixy/protocol';

// Issue 25: the users page of a big panel sorts only by fields a panel accepts, and "Count users
// with MFA allowed" has a Cancel, shows its progress and says when a count stopped early.
afterEach(cleanup);

const now = Date.now();
const status: NavixyStatus = {
  panel: 'https://panel.example.com', host: 'panel.example.com', apiBase: 'https://api.example.com/v2', granted: true, login: '10001',
  state: 'ready', checkedAt: now, defaultSettings: null, usersTotal: 50_000, mfaAllowed: 100,
  countedAt: now - 2 * 3_600_000, countedTotal: 49_000, canRead: true, canUpdate: true, sessionEndsAt: null,
};
const list: Extract<NavixyUserList, { mode: 'server' }> = { mode: 'server', users: [], count: 50_000, offset: 0, pageSize: 500 };
const idle: NavixyCount = { counting: false, progress: null, stopped: null, start: vi.fn(), cancel: vi.fn() };
const field = (c: Element, name: string) => c.querySelector(`[data-field="${name}"]`)?.textContent;

describe('sorting a big panel', () => {
  it('offers ID, login and last name, never first name', () => {
    const onSearch = vi.fn();
    const { container } = render(<ServerSearch query={FIRST_PAGE} list={list} disabled={false} onSearch={onSearch} />);
    const select = container.querySelector<HTMLSelectElement>('select[id$="-sort"]')!;
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([['id', 'ID'], ['login', 'Login'], ['last_name', 'Last name']]);
    fireEvent.change(select, { target: { value: 'last_name' } });
    expect(onSearch).toHaveBeenLastCalledWith({ ...FIRST_PAGE, orderBy: 'last_name' });
  });
});

describe('counting users with MFA allowed', () => {
  it('while counting: progress and a Cancel button that takes the focus; after: focus back on Count', () => {
    const count = { ...idle, start: vi.fn(), cancel: vi.fn() };
    const { container, rerender } = render(<UsersSummary list={list} status={status} count={count} />);
    const countButton = screen.getByRole('button', { name: 'Count users with MFA allowed' });
    countButton.focus();
    fireEvent.click(countButton);
    expect(count.start).toHaveBeenCalledOnce();
    rerender(<UsersSummary list={list} status={status} count={{ ...count, counting: true }} />);
    expect(field(container, 'navixy-count-progress')).toBe('Counting users…');
    expect(document.activeElement?.textContent).toBe('Cancel count');
    rerender(<UsersSummary list={list} status={status} count={{ ...count, counting: true, progress: { read: 1_500, total: 50_000 } }} />);
    expect(field(container, 'navixy-count-progress')).toBe('Counting users… 1,500 of 50,000 read.');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel count' }));
    expect(count.cancel).toHaveBeenCalledOnce();
    rerender(<UsersSummary list={list} status={status} count={{ ...count, stopped: { done: 'stopped', reason: 'cancelled', read: 1_500, total: 50_000, limit: 1_000_000 } }} />);
    expect(document.activeElement?.textContent).toBe('Count users with MFA allowed');
    expect(field(container, 'navixy-count-stopped')).toBe('Count cancelled after 1,500 of 50,000 users; the count was not saved.');
    // The last whole count stays, with its time: never shown as if fresh.
    expect(field(container, 'navixy-summary')).toContain('100 of 49,000 users have MFA allowed. (counted 2 hours ago)');
  });

  it.each([
    ['shortPages', 'Counted 1,234 of 2,000,000 users before the panel stopped sending users; the count was not saved.'],
    ['emptyPage', 'Counted 1,234 of 2,000,000 users before the panel stopped sending users; the count was not saved.'],
    ['pageCap', 'Counted 1,234 of 2,000,000 users, then stopped: the panel kept sending pages past what its count needs. The count was not saved.'],
    ['tooLarge', 'The panel reports 2,000,000 users, more than the 1,000,000 this extension counts; nothing was counted or saved.'],
  ] as const)('a count stopped by %s says so', (reason, sentence) => {
    const { container } = render(<UsersSummary list={list} status={status} count={{ ...idle, stopped: { done: 'stopped', reason, read: 1_234, total: 2_000_000, limit: 1_000_000 } }} />);
    expect(field(container, 'navixy-count-stopped')).toBe(sentence);
  });
});
