// Everything the extension keeps in `storage.local`, `storage.sync` and `storage.session`, read from one of its pages.
import type { E2EPage } from './types';

export interface StorageDump {
  local: Record<string, unknown>;
  sync: Record<string, unknown>;
  session: Record<string, unknown>;
}

/** Reads all three areas through the extension API of `page` (an extension page: popup or options). */
export function readStorage(page: E2EPage): Promise<StorageDump> {
  return page.evaluate(async () => {
    interface Area { get(keys: null): Promise<Record<string, unknown>> }
    interface Api { storage: { local: Area; sync: Area; session: Area } }
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const { storage } = g.browser ?? g.chrome;
    const [local, sync, session] = await Promise.all([storage.local.get(null), storage.sync.get(null), storage.session.get(null)]);
    return { local, sync, session };
  });
}
