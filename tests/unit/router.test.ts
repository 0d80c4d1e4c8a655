import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { route } from '../../lib/providers/background';

const own = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });

describe('background router', () => {
  beforeEach(() => fakeBrowser.reset());

  it('refuses messages from anything but our own pages', async () => {
    const r = await route({ type: 'listPortals' }, { id: 'other-extension', url: 'https://evil.example/' });
    expect(r).toEqual({ ok: false, error: { kind: 'badRequest', message: 'Unknown sender' } });
    const page = await route({ type: 'listPortals' }, { id: browser.runtime.id, url: 'https://evil.example/' });
    expect(page.ok).toBe(false);
  });

  it.each([
    [{ type: 'nope' }],
    [{ type: 'getStatus', origin: 'https://x.example/path' }],
    [{ type: 'validateCode', origin: 'https://x.example', code: '12<b>' }],
    [{ type: 'setApiKey', origin: 'https://x.example', key: 'password', remember: false }],
    ['just a string'],
  ])('answers badRequest for a malformed command %j', async (message) => {
    const r = await route(message, own());
    expect(r.ok ? null : r.error.kind).toBe('badRequest');
  });

  it('answers noPermission for a portal we were not granted', async () => {
    fakeBrowser.permissions.contains = async () => false;
    const r = await route({ type: 'getStatus', origin: 'https://docs.example.com' }, own());
    expect(r.ok && (r.value as { state: string }).state).toBe('noPermission');
  });

  it('answers notPortal for a plain-http site without contacting it', async () => {
    const r = await route({ type: 'getStatus', origin: 'http://docs.example.com' }, own());
    expect(r.ok && (r.value as { state: string }).state).toBe('notPortal');
  });
});
