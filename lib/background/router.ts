import { browser, type Browser } from 'wxt/browser';
import type * as z from 'zod/mini';
import type * as core from 'zod/v4/core';
import { err, type Result } from '../result';
import type { AppError } from '../errors';
import type { HandlersOf, OverviewRequest, SenderContext, SiteOverview } from '../protocol';
import { jarOf } from './jar';
import { logWarning } from '../log';

/** A command's schema: an object with a literal `type`, as zod's discriminated union takes it. */
export type CommandSchema<C extends { type: string } = { type: string }> = z.ZodMiniType<C> & core.$ZodTypeDiscriminable;

/**
 * What a provider brings to the background: its commands (zod schemas), one handler per command,
 * the origins it contacts (so host access another provider still needs is never revoked), and
 * whatever it starts with the worker. The registry (lib/providers/background.ts) lists them.
 */
export interface ProviderBackground<C extends { type: string } = { type: string }, R extends { [K in C['type']]: unknown } = { [K in C['type']]: unknown }> {
  id: string;
  commands: readonly CommandSchema<C>[];
  handlers: HandlersOf<C, R>;
  /** Whether this provider serves `origin` by the user's own configuration (e.g. a Navixy panel they added). */
  claims?: (origin: string) => Promise<boolean>;
  originsInUse: () => Promise<string[]>;
  /**
   * Host access was removed (the browser's extension settings, or ours): wipe everything held for each site this
   * provider can no longer reach (sessions, keys, tokens, names), so granting access again starts clean.
   */
  accessRemoved?: () => Promise<void>;
  /** Its sites for the Portals page overview. */
  overview?: (request: OverviewRequest) => Promise<SiteOverview[]>;
  /** Registers listeners that must exist from the worker's first tick (e.g. the toolbar badge). */
  start?: () => void;
}

/**
 * Any command's handler, as the router holds it. Declared as a method so that a provider's handler of one command
 * type fits (method parameters are compared both ways): the router hands each handler only a command that the schemas
 * parsed with that handler's `type`, which is what {@link HandlersOf} promises the handler.
 */
interface HandlerSlot {
  handle(cmd: { type: string }, sender?: SenderContext): Promise<Result<unknown, AppError>>;
}
export type AnyHandler = HandlerSlot['handle'];

/** A provider as the registry lists it: its own command and reply types erased, its handlers by command type. */
export type AnyProviderBackground = Omit<ProviderBackground, 'handlers'> & { handlers: Readonly<Record<string, AnyHandler>> };

type Sender = Pick<Browser.runtime.MessageSender, 'id' | 'url' | 'tab'>;


/** Only our own extension pages may talk to the background (no content scripts exist). */
export function isInternalSender(sender: Pick<Browser.runtime.MessageSender, 'id' | 'url'>): boolean {
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/'));
}

/**
 * A router over a command schema and a handler per command type: checks the sender, parses the
 * command, dispatches. Always resolves to a Result; a handler that throws becomes `badRequest`.
 */
export function createRouter(schema: z.ZodMiniType<{ type: string }>, handlers: Readonly<Record<string, AnyHandler>>) {
  return async function route(message: unknown, sender: Sender): Promise<Result<unknown, AppError>> {
    if (!isInternalSender(sender)) return err({ kind: 'badRequest', message: 'Unknown sender' });
    const parsed = schema.safeParse(message);
    if (!parsed.success) return err({ kind: 'badRequest', message: parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ') });
    const handler = Object.hasOwn(handlers, parsed.data.type) ? handlers[parsed.data.type] : undefined;
    if (!handler) return err({ kind: 'badRequest', message: 'Unknown command' });
    try {
      // The page's own tab, as the browser describes it: Firefox opens the options page in a private window too.
      return await handler(parsed.data, { jar: jarOf(sender.tab) });
    } catch (e) {
      logWarning('handler-threw', { command: parsed.data.type, name: e instanceof Error ? e.name : 'unknown' });
      return err({ kind: 'badRequest', message: 'Internal error' });
    }
  };
}

/** Registers the listener synchronously (a woken worker must not miss its message). */
export function registerRouter(route: ReturnType<typeof createRouter>): void {
  // webextension-polyfill resolves the returned Promise as the reply.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => route(message, sender));
}
