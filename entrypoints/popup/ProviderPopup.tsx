import type { ComponentType } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { call } from '../../lib/client';
import type { PopupProps } from '../../lib/provider';
import { PROVIDERS, addSiteLinks, providerById } from '../../lib/providers';
import { docspace } from '../../lib/providers/docspace';
import { currentTarget } from '../../lib/ui';
import { common } from '../../lib/i18n/common';
import { PopupSkeleton } from '../../components/PopupSkeleton';
// The DocSpace popup is part of the first load, not imported when the page has run: a dynamic import here cost the
// status two module round trips (the chunk, then its own imports), about 60 ms (`npm run bench`).
import { App as DocspacePopup } from '../../lib/providers/docspace/views/Popup';

/**
 * Finds the tab's site, asks the background which provider serves it, and shows that provider's
 * popup (DocSpace's is already loaded; another's is loaded then).
 */
export function ProviderPopup() {
  const [shown, setShown] = useState<{ Popup: ComponentType<PopupProps>; props: PopupProps } | null>(null);
  // A layout effect: the questions leave at the first render, not a frame later (a plain effect waits for a paint).
  useLayoutEffect(() => {
    void (async () => {
      const found = await currentTarget();
      const identity = found.origin ? await call<'identifySite'>({ type: 'identifySite', origin: found.origin }) : null;
      const provider = providerById(identity?.ok ? identity.value.provider : PROVIDERS[0]!.info.id);
      // Compared with DocSpace itself, not with the registry's first entry: the static import above is DocSpace's.
      const Popup = provider === docspace ? DocspacePopup : await provider.Popup();
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
