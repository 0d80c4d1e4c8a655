import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../lib/client';
import type { PopupProps } from '../../lib/provider';
import { PROVIDERS, addSiteLinks, providerById } from '../../lib/providers';
import { currentTarget } from '../../lib/ui';
import { common } from '../../lib/i18n/common';
import { PopupSkeleton } from '../../components/PopupSkeleton';

/**
 * Finds the tab's site, asks the background which provider serves it, and shows that provider's
 * popup. The default provider's popup starts loading at once, beside the question.
 */
export function ProviderPopup() {
  const [shown, setShown] = useState<{ Popup: ComponentType<PopupProps>; props: PopupProps } | null>(null);
  useEffect(() => {
    void (async () => {
      const preload = PROVIDERS[0]!.Popup();
      const found = await currentTarget();
      const identity = found.origin ? await call<'identifySite'>({ type: 'identifySite', origin: found.origin }) : null;
      const provider = providerById(identity?.ok ? identity.value.provider : PROVIDERS[0]!.info.id);
      const Popup = provider === PROVIDERS[0] ? await preload : await provider.Popup();
      const addSite = found.origin ? addSiteLinks(provider.info.id, found.origin) : [];
      setShown({ Popup, props: { found, addSite } });
    })();
  }, []);
  if (!shown) {
    return (
      <main aria-busy="true">
        <div role="status" class="visually-hidden">{common.loading}</div>
        <PopupSkeleton label={common.loading} />
      </main>
    );
  }
  return <shown.Popup {...shown.props} />;
}
