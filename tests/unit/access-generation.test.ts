// Access generations (issue 24 §2): a removal of a site's access makes every ticket taken before it stale, for that
// site only (or every site, when a pattern covering many is removed), and a fresh worker reads them back.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  MAX_PATTERNS, accessTicket, accessWithdrawn, isCurrent, resetAccessGenerationsForTest,
} from '../../lib/background/access-generation';

beforeEach(() => {
  fakeBrowser.reset();
  resetAccessGenerationsForTest();
});

describe('access generations', () => {
  it('a removal makes the tickets of that host stale, on any port, and no other host\'s', async () => {
    const a = await accessTicket('https://a.example:8443');
    const b = await accessTicket('https://b.example');
    await accessWithdrawn(['https://a.example/*']);
    expect(isCurrent(a)).toBe(false);
    expect(isCurrent(b)).toBe(true);
    expect(isCurrent(await accessTicket('https://a.example'))).toBe(true);
  });

  it('removing a pattern that covers many sites makes every ticket stale', async () => {
    const a = await accessTicket('https://a.example');
    await accessWithdrawn(['https://*/*']);
    expect(isCurrent(a)).toBe(false);
  });

  it('a fresh worker reads the generations back from storage.session', async () => {
    const a = await accessTicket('https://a.example');
    await accessWithdrawn(['https://a.example/*']);
    const after = await accessTicket('https://a.example');
    resetAccessGenerationsForTest();
    // A worker that started meanwhile knows of the removal: a ticket from before it stays stale.
    await accessTicket('https://other.example');
    expect(isCurrent(a)).toBe(false);
    expect(isCurrent(after)).toBe(true);
  });

  it(`keeps at most ${MAX_PATTERNS} hosts; a ticket of a host dropped to keep the bound is stale, never current again`, async () => {
    await accessWithdrawn(['https://first.example/*']);
    const first = await accessTicket('https://first.example');
    await accessWithdrawn(Array.from({ length: MAX_PATTERNS }, (_, i) => `https://h${i}.example/*`));
    expect(Object.keys(((await fakeBrowser.storage.session.get('accessGenerations')).accessGenerations as { patterns: object }).patterns)).toHaveLength(MAX_PATTERNS);
    expect(isCurrent(first)).toBe(false);
  });
});
