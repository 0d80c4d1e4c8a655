// Commands to the background from an extension page, exactly as the popup and the options page send them.
import type { E2EPage } from './types';

export interface Reply {
  ok: boolean;
  value?: unknown;
  error?: { kind: string };
}

/** Sends `cmd` from `page` (an extension page) through runtime.sendMessage and returns the background's reply. */
export function sendToBackground(page: E2EPage, cmd: object): Promise<Reply> {
  return page.evaluate((c) => {
    interface Api { runtime: { sendMessage(m: unknown): Promise<Reply> } }
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    return (g.browser ?? g.chrome).runtime.sendMessage(c);
  }, cmd);
}

/** A new page's tracker: `track(page)` keeps it for `closeAll()` (between tests and at the end). */
export function pageTracker(): { track: (p: E2EPage) => E2EPage; closeAll: () => Promise<void> } {
  const opened: E2EPage[] = [];
  return {
    track: (p) => {
      opened.push(p);
      return p;
    },
    closeAll: async () => {
      for (const p of opened.splice(0)) await p.close().catch(() => undefined);
    },
  };
}
