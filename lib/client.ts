import { browser } from 'wxt/browser';
import type { AppError } from './errors';
import type { Result } from './result';
import type { CommandIn, CoreCommand, CoreReplies } from './protocol';

/**
 * The UI's one sender, typed by a command union and its replies: each provider makes its own
 * `call` with `callerFor<Command, Replies>()` from its protocol. A missing or garbled reply
 * becomes `noReply`, never a throw.
 */
export function callerFor<C extends { type: string }, R extends { [K in C['type']]: unknown }>() {
  return async <K extends C['type']>(cmd: CommandIn<C, K>): Promise<Result<R[K], AppError>> => {
    try {
      const reply = (await browser.runtime.sendMessage(cmd)) as unknown;
      if (reply && typeof reply === 'object' && 'ok' in reply && typeof (reply as { ok: unknown }).ok === 'boolean') return reply as Result<R[K], AppError>;
    } catch {
      // fall through: the background did not answer
    }
    return { ok: false, error: { kind: 'noReply' } };
  };
}

/** The commands of the core itself (which provider serves a site). */
export const call = callerFor<CoreCommand, CoreReplies>();
