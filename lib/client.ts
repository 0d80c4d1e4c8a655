import { browser } from 'wxt/browser';
import type { CommandOf, CommandType, Reply } from './protocol';

/** The UI's one sender: a missing or garbled reply becomes `noReply`, never a throw. */
export async function call<K extends CommandType>(cmd: CommandOf<K>): Promise<Reply<K>> {
  try {
    const reply = (await browser.runtime.sendMessage(cmd)) as unknown;
    if (reply && typeof reply === 'object' && 'ok' in reply && typeof (reply as { ok: unknown }).ok === 'boolean') return reply as Reply<K>;
  } catch {
    // fall through: the background did not answer
  }
  return { ok: false, error: { kind: 'noReply' } };
}
