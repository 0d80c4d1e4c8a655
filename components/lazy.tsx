import { h, type FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { common } from '../lib/i18n/common';

/**
 * A component whose code loads the first time it is shown. The popup uses it for what most popups never show (an
 * error's sentences, the API key form), so that it loads before the status only what the status needs; the chunk is
 * a local file of the extension, on screen a few milliseconds later. Options pages import the components directly.
 */
export function lazyComponent<P extends object>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> {
  let loaded: FunctionComponent<P> | null = null;
  return function Lazy(props: P) {
    const [Loaded, setLoaded] = useState(() => loaded);
    useEffect(() => {
      if (Loaded) return;
      void load().then((c) => {
        loaded = c;
        setLoaded(() => c);
      });
    }, [Loaded]);
    return Loaded ? h(Loaded, props) : h('p', { class: 'muted' }, common.loading);
  };
}

/** The error notice (every error's sentences, lib/messages.ts), loaded when an error is first shown. */
export const PopupErrorNotice = lazyComponent(() => import('./ErrorNotice').then((m) => m.ErrorNotice));
