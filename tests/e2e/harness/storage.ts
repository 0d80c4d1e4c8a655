// Everything the extension keeps in `storage.local`, `storage.sync` and `storage.session`, read from one of its pages.
import type { E2EPage } from './types';

export interface StorageDump {
  local: Record<string, unknown>;
  sync: Record<string, unknown>;
  session: Record<string, unknown>;
  /** The web storage of the extension's origin, which the extension does not use: it should stay empty. */
  web: { localStorage: Record<string, string>; indexedDb: string[]; cacheStorage: string[] };
}

/** Reads the three extension areas and the origin's web storage from `page` (an extension page: popup or options). */
export function readStorage(page: E2EPage): Promise<StorageDump> {
  return page.evaluate(async () => {
    interface Area { get(keys: null): Promise<Record<string, unknown>> }
    interface Api { storage: { local: Area; sync: Area; session: Area } }
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const { storage } = g.browser ?? g.chrome;
    const [local, sync, session] = await Promise.all([storage.local.get(null), storage.sync.get(null), storage.session.get(null)]);
    const localStorageEntries = Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k) ?? '']));
    // Firefox's IndexedDB for an extension origin also holds storage.local itself; list names only.
    const indexedDb = (await indexedDB.databases()).map((d) => d.name ?? '');
    const cacheStorage = await caches.keys();
    return { local, sync, session, web: { localStorage: localStorageEntries, indexedDb, cacheStorage } };
  });
}
