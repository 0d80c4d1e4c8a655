import { describe, expect, it } from 'vitest';
import { createNavixyClient, MIN_PAGE, PAGE_MARGIN, SHORT_PAGES, USER_PAGE } from '../../lib/providers/navixy/client';
import type { PanelUser } from '../../lib/providers/navixy/schemas';

// Issue 25 §3: paging that cannot run away. eachPage against a scripted panel: the page budget
// (what the first count needs plus a margin), short pages in a row, the caller's max, and cancel.

type Page = { list: PanelUser[]; count: number };
function scripted(answer: (offset: number, call: number) => Page) {
  const offsets: number[] = [];
  const fetch = (async (_input: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as { offset: number };
    offsets.push(body.offset);
    return new Response(JSON.stringify({ success: true, ...answer(body.offset, offsets.length - 1) }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { client: createNavixyClient({ panel: 'https://panel.example.com', apiBase: 'https://api.example.com/v2', hash: 'abcdef0123456789', fetch }), offsets };
}
const users = (n: number, from = 1): PanelUser[] => Array.from({ length: n }, (_, i) => ({ id: from + i, login: `u${from + i}`, mfa_allowed: false }));

describe('eachPage cannot run away', () => {
  it('a huge count with one new user per page stops after a few short pages, and says so', async () => {
    const { client, offsets } = scripted((offset) => ({ list: users(1, offset + 1), count: 1_000_000 }));
    const r = await client.eachPage(1_000_000, () => undefined);
    expect(r).toEqual({ ok: true, value: { count: 1_000_000, seen: SHORT_PAGES, complete: false, tooLarge: false, stopped: 'shortPages' } });
    expect(offsets).toEqual([0, 1, 2]);
  });

  it('the same full page over and over stops after a few pages with nothing new', async () => {
    const { client, offsets } = scripted(() => ({ list: users(500), count: 5000 }));
    const r = await client.eachPage(1_000_000, () => undefined);
    expect(r).toMatchObject({ ok: true, value: { seen: 500, complete: false, stopped: 'shortPages' } });
    expect(offsets).toHaveLength(1 + SHORT_PAGES);
  });

  it('pages are capped by what the count first answered needs, plus a margin, even when the count grows', async () => {
    const { client, offsets } = scripted((offset, call) => ({ list: users(500, offset + 1), count: call === 0 ? 1000 : 900_000 }));
    const r = await client.eachPage(1_000_000, () => undefined);
    expect(r).toMatchObject({ ok: true, value: { count: 900_000, complete: false, stopped: 'pageCap' } });
    expect(offsets).toHaveLength(1000 / USER_PAGE + PAGE_MARGIN);
  });

  it('never asks past the caller\'s max, whatever the pages hold', async () => {
    // Half of each page was seen before: the offset runs ahead of the users counted.
    const { client, offsets } = scripted((offset) => ({ list: [...users(250, 1), ...users(250, offset + 1)], count: 1000 }));
    const r = await client.eachPage(1000, () => undefined);
    expect(r).toMatchObject({ ok: true, value: { complete: false, stopped: 'pageCap' } });
    expect(Math.max(...offsets)).toBeLessThan(1000);
  });

  it('a panel that silently pages by 100 is still read whole', async () => {
    const all = users(1234);
    const { client, offsets } = scripted((offset) => ({ list: all.slice(offset, offset + MIN_PAGE), count: all.length }));
    const seen: number[] = [];
    const r = await client.eachPage(1_000_000, (page) => seen.push(...page.map((u) => u.id)));
    expect(r).toEqual({ ok: true, value: { count: 1234, seen: 1234, complete: true, tooLarge: false } });
    expect(seen).toHaveLength(1234);
    expect(offsets).toHaveLength(13);
  });

  it('the last page may be short: the list is complete', async () => {
    const all = users(1010);
    const { client, offsets } = scripted((offset) => ({ list: all.slice(offset, offset + 500), count: all.length }));
    const r = await client.eachPage(1_000_000, () => undefined);
    expect(r).toMatchObject({ ok: true, value: { complete: true, seen: 1010 } });
    expect(offsets).toEqual([0, 500, 1000]);
  });

  it('cancel stops before the next page: the page under way is finished and visited', async () => {
    const { client, offsets } = scripted((offset) => ({ list: users(500, offset + 1), count: 50_000 }));
    let visited = 0;
    const r = await client.eachPage(1_000_000, (page, count) => {
      visited += page.length;
      expect(count).toBe(50_000);
    }, { cancelled: () => visited >= 1000 });
    expect(r).toEqual({ ok: true, value: { count: 50_000, seen: 1000, complete: false, tooLarge: false, stopped: 'cancelled' } });
    expect(offsets).toEqual([0, 500]);
  });
});
