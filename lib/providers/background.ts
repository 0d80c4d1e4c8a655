import { browser } from 'wxt/browser';
import { z } from '../zod-config';
import { logWarning } from '../log';
import { ok } from '../result';
import { CORE_COMMANDS, type CoreCommand } from '../protocol';
import { createRouter, registerRouter, type AnyHandler, type AnyProviderBackground, type CommandSchema as ProviderCommandSchema } from '../background/router';
import { registerOriginsInUse } from '../background/host-access';
import { accessWithdrawn } from '../background/access-generation';
import { docspaceBackground } from './docspace/background';
import { navixyBackground } from './navixy/background';

/**
 * The background's provider registry: one line per provider. The first provider that claims a
 * site by the user's own configuration serves it; every other site goes to the last, which
 * recognises its sites by probing them (DocSpace). A service worker cannot load code lazily,
 * so this list is separate from the pages' registry (lib/providers/index.ts).
 */
const PROVIDERS: readonly AnyProviderBackground[] = [navixyBackground, docspaceBackground];
const FALLBACK = PROVIDERS.at(-1)!;
// Which origins each provider uses is known as soon as the registry is, so no revocation can miss one.
for (const p of PROVIDERS) registerOriginsInUse(p.id, p.originsInUse);

async function identifySite(cmd: Extract<CoreCommand, { type: 'identifySite' }>) {
  for (const p of PROVIDERS) if (await p.claims?.(cmd.origin)) return ok({ provider: p.id, origin: cmd.origin });
  return ok({ provider: FALLBACK.id, origin: cmd.origin });
}

/** Every provider's sites, by host; a provider that fails to list its own gives none rather than failing the page. */
async function overview(cmd: Extract<CoreCommand, { type: 'overview' }>) {
  const request = { refresh: cmd.refresh === true, ...(cmd.sites ? { sites: cmd.sites } : {}) };
  const lists = await Promise.allSettled(PROVIDERS.map((p) => p.overview?.(request) ?? Promise.resolve([])));
  const rows = lists.flatMap((r, i) => {
    if (r.status === 'fulfilled') return r.value;
    logWarning('overview-failed', { provider: PROVIDERS[i]!.id });
    return [];
  });
  return ok(rows.sort((a, b) => a.host.localeCompare(b.host) || a.provider.localeCompare(b.provider)));
}

const commands: [ProviderCommandSchema, ...ProviderCommandSchema[]] = [...CORE_COMMANDS, ...PROVIDERS.flatMap((p) => p.commands)];
/** Every command of every provider; zod refuses two commands with the same type. */
export const CommandSchema: z.ZodMiniType<{ type: string }> = z.discriminatedUnion('type', commands);

const providerHandlers: Readonly<Record<string, AnyHandler>> = Object.fromEntries(PROVIDERS.flatMap((p) => Object.entries(p.handlers)));
export const handlers = Object.freeze({ identifySite, overview, ...providerHandlers });

export const route = createRouter(CommandSchema, handlers);

/** Each provider wipes what it holds for sites it can no longer reach; one failing does not stop the others. */
export async function accessRemoved(): Promise<void> {
  const results = await Promise.allSettled(PROVIDERS.map((p) => p.accessRemoved?.()));
  for (const [i, r] of results.entries()) if (r.status === 'rejected') logWarning('access-removed-cleanup-failed', { provider: PROVIDERS[i]!.id });
}

/** Access to these host patterns was removed: requests in flight for them go stale, then every provider wipes. */
async function withdrawn(patterns: string[]): Promise<void> {
  try {
    await accessWithdrawn(patterns);
  } catch {
    logWarning('access-generation-failed', {});
  }
  await accessRemoved();
}

/** Starts the background: the message router and the access-removal clean-up first (synchronously), then each provider's listeners. */
export function startBackground(): void {
  registerRouter(route);
  // Registered in the first tick, so removing access in the browser's settings wakes the worker to clean up.
  // Requests still in flight for those sites are made stale first, so none writes its answer back after the wipe.
  browser.permissions.onRemoved.addListener((removed) => void withdrawn(removed.origins ?? []));
  for (const p of PROVIDERS) p.start?.();
}
