import { z } from './zod-config';
import type { AppError } from './errors';
import type { Result } from './result';

/**
 * The message protocol between the UI (popup, options) and the background, as far as the core
 * knows it: the shapes every provider's commands share, and the one command that is not a
 * provider's own (`identifySite`). Each provider lists its commands and replies in its own
 * `protocol.ts`; the background registry (lib/providers/background.ts) joins them into the one
 * schema the router parses with. Replies are always a Result: nothing throws across the boundary.
 */
export const Origin = z.string().check(z.maxLength(300), z.refine((o) => {
  try {
    return new URL(o).origin === o;
  } catch {
    return false;
  }
}, 'not an origin'));

/** What the background knows about the site in a tab: which provider serves it. */
export interface SiteIdentity {
  provider: string;
  origin: string;
}

export const CORE_COMMANDS = [
  // Provider boundary: which provider serves the site in a tab
  z.object({ type: z.literal('identifySite'), origin: Origin }),
] as const;
export type CoreCommand = z.infer<(typeof CORE_COMMANDS)[number]>;
export interface CoreReplies {
  identifySite: SiteIdentity;
}

/** A command of a command union `C` by its type. */
export type CommandIn<C extends { type: string }, K extends C['type']> = Extract<C, { type: K }>;

/** Every command's handler; the mapped type makes a missing one a compile error. */
export type HandlersOf<C extends { type: string }, R extends { [K in C['type']]: unknown }> = {
  [K in C['type']]: (cmd: CommandIn<C, K>) => Promise<Result<R[K], AppError>>;
};
