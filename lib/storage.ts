import { browser } from 'wxt/browser';

/**
 * The background's key-value storage, over `browser.storage` directly: a key names its area first
 * (`session:…` lives until the browser closes, `local:…` on disk), as @wxt-dev/storage spells them, so
 * what earlier versions stored is read as it is. Values are stored as they are (no wrapper, no metadata).
 * Only the background uses it; what it holds is read back as our own data, never as a portal's answer.
 */
export type StorageKey = `session:${string}` | `local:${string}`;

function split(key: StorageKey): { area: 'session' | 'local'; name: string } {
  const at = key.indexOf(':');
  return { area: key.slice(0, at) as 'session' | 'local', name: key.slice(at + 1) };
}

export const storage = {
  async getItem<T>(key: StorageKey): Promise<T | null> {
    const { area, name } = split(key);
    const found = await browser.storage[area].get(name);
    return (found[name] as T | undefined) ?? null;
  },
  async setItem<T>(key: StorageKey, value: T): Promise<void> {
    const { area, name } = split(key);
    await browser.storage[area].set({ [name]: value });
  },
  async removeItem(key: StorageKey): Promise<void> {
    const { area, name } = split(key);
    await browser.storage[area].remove(name);
  },
  async removeItems(keys: StorageKey[]): Promise<void> {
    for (const area of ['session', 'local'] as const) {
      const names = keys.map(split).filter((k) => k.area === area).map((k) => k.name);
      if (names.length) await browser.storage[area].remove(names);
    }
  },
};

/** Serialises read-modify-write per key inside this worker instance (a key of this storage, or any name). */
const locks = new Map<string, Promise<unknown>>();
export function withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = locks.get(key) ?? Promise.resolve();
  const next = previous.then(fn, fn);
  locks.set(key, next.catch(() => undefined));
  return next;
}
