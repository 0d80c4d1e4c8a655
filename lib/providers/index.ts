import type { ProviderUi, SiteGroup, SiteLink } from '../provider';
import { docspace } from './docspace';
import { navixy } from './navixy';

/**
 * The pages' provider registry: one line per provider (the background has its own list in
 * lib/providers/background.ts). The first is the default for a site no provider claims.
 */
export const PROVIDERS: readonly ProviderUi[] = [docspace, navixy];

/** The provider with this id, else the default. */
export function providerById(id: string): ProviderUi {
  return PROVIDERS.find((p) => p.info.id === id) ?? PROVIDERS[0]!;
}

/** The provider whose options view this is (views belong to exactly one provider). */
export function providerOfView(view: string): ProviderUi | null {
  return PROVIDERS.find((p) => p.info.views.includes(view)) ?? null;
}

/**
 * Every provider's navigation entries in registry order, for provider `id`'s options page: its own group is left
 * empty (the page fills it), and a provider whose sites cannot be read shows none rather than failing the page.
 */
export async function siteGroups(id: string): Promise<SiteGroup[]> {
  return Promise.all(
    PROVIDERS.map(async (p) => ({ provider: p.info.id, entries: p.info.id === id ? [] : await p.listSites().catch(() => []) })),
  );
}

/** Every other provider's offer to add `origin` as its site. */
export function addSiteLinks(id: string, origin: string): SiteLink[] {
  return PROVIDERS.filter((p) => p.info.id !== id).flatMap((p) => (p.addSiteLink ? [p.addSiteLink(origin)] : []));
}
