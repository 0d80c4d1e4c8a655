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
