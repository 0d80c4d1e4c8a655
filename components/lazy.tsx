import { h, type FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { common } from '../lib/i18n/common';

/**
 * A component whose code loads the first time it is shown. The popup uses it for what most popups never show (an
 * error's sentences, the sign-in states, the admins' policy block), so that before the status it loads only what the
 * status needs; the chunk is a local file of the extension, on screen a few milliseconds later. Options pages import
 * the components directly.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<FunctionComponent<P>>,
  { quiet = false }: { quiet?: boolean } = {},
): FunctionComponent<P> & { preload: () => Promise<void> } {
  let loaded: FunctionComponent<P> | null = null;
  const preload = () => load().then((c) => {
    loaded = c;
  });
  return Object.assign(function Lazy(props: P) {
    const [Loaded, setLoaded] = useState(() => loaded);
    useEffect(() => {
      if (Loaded) return;
      void preload().then(() => setLoaded(() => loaded));
    }, [Loaded]);
    if (Loaded) return h(Loaded, props);
    // quiet: nothing while it loads (a block that follows the answer), rather than a "Loading…" line that flashes.
    return quiet ? null : h('p', { class: 'muted' }, common.loading);
  }, { preload });
}

/** The error notice (every error's sentences, lib/messages.ts), loaded when an error is first shown. */
export const PopupErrorNotice = lazyComponent(() => import('./ErrorNotice').then((m) => m.ErrorNotice));
