import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../lib/client';
import type { ProviderId } from '../../lib/providers';
import { currentTarget, type PopupTarget } from '../../lib/ui';
import { popup as t } from '../../lib/i18n/popup';
import { PopupSkeleton } from '../../components/PopupSkeleton';
import { App as DocspacePopup } from './App';
import { NavixyPopup } from './NavixyPopup';

/** Each provider's popup; the one place the popup depends on which provider serves the tab. */
const POPUPS: Record<ProviderId, ComponentType<{ found: PopupTarget }>> = {
  docspace: DocspacePopup,
  navixy: NavixyPopup,
};

/** Finds the tab's site, asks the background which provider serves it, and shows that provider's popup. */
export function ProviderPopup() {
  const [site, setSite] = useState<{ provider: ProviderId; found: PopupTarget } | null>(null);
  useEffect(() => {
    void (async () => {
      const found = await currentTarget();
      const identity = found.origin ? await call<'identifySite'>({ type: 'identifySite', origin: found.origin }) : null;
      setSite({ provider: identity?.ok ? identity.value.provider : 'docspace', found });
    })();
  }, []);
  if (!site) {
    return (
      <main aria-busy="true">
        <div role="status" class="visually-hidden">{t.loadingLabel}</div>
        <PopupSkeleton label={t.loadingLabel} />
      </main>
    );
  }
  const Popup = POPUPS[site.provider];
  return <Popup found={site.found} />;
}
