import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { providerOfView, type ProviderId } from '../../lib/providers';
import { common } from '../../lib/i18n/common';

/**
 * Each provider's options page; the view in the URL says whose it is (views belong to one provider).
 * Each shell is its own chunk, so a DocSpace page never loads the Navixy views and the other way round.
 */
const SHELLS: Record<ProviderId, () => Promise<ComponentType>> = {
  docspace: () => import('./App').then((m) => m.App),
  navixy: () => import('./navixy/NavixyOptions').then((m) => m.NavixyOptions),
};

export function ProviderOptions() {
  const [Shell, setShell] = useState<ComponentType | null>(null);
  useEffect(() => {
    const view = new URLSearchParams(location.search).get('view') ?? '';
    void SHELLS[providerOfView(view)?.id ?? 'docspace']().then((shell) => setShell(() => shell));
  }, []);
  if (!Shell) return <main aria-busy="true"><p role="status" class="muted">{common.loading}</p></main>;
  return <Shell />;
}
