import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { OptionsProps } from '../../lib/provider';
import { PROVIDERS, providerOfView, siteGroups } from '../../lib/providers';
import { common } from '../../lib/i18n/common';

/**
 * Each provider's options page; the view in the URL says whose it is (views belong to one provider).
 * Each shell is its own chunk, so a DocSpace page never loads the Navixy views and the other way round; the other
 * providers' sites for the navigation are read alongside.
 */
export function ProviderOptions() {
  const [shown, setShown] = useState<{ Shell: ComponentType<OptionsProps>; props: OptionsProps } | null>(null);
  useEffect(() => {
    const view = new URLSearchParams(location.search).get('view') ?? '';
    const provider = providerOfView(view) ?? PROVIDERS[0]!;
    const providerNames = Object.fromEntries(PROVIDERS.map((p) => [p.info.id, p.info.name]));
    void Promise.all([provider.Options(), siteGroups(provider.info.id)]).then(([Shell, groups]) => setShown({ Shell, props: { siteGroups: groups, providerNames } }));
  }, []);
  if (!shown) return <main aria-busy="true"><p role="status" class="muted">{common.loading}</p></main>;
  return <shown.Shell {...shown.props} />;
}
