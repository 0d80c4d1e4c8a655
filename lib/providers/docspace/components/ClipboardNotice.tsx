import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { copyText } from '../i18n/enrolment';
import { CLEARS_BY_ITSELF, CLIPBOARD_CLEAR_MS, ClipboardGuard, type ClipboardState } from './clipboard-guard';

/**
 * The guard of the page whose root is mounted (one options page, one root), set by ClipboardGuardProvider. A module
 * variable rather than a Preact context: createContext would grow the shared chunk the popup loads too.
 */
let pageGuard: ClipboardGuard | null = null;

/** Gives the options page its one clipboard guard, listening to the page while the page is open. Used once, at its root. */
export function ClipboardGuardProvider({ children }: { children: ComponentChildren }) {
  // Set during the first render, before the views under it render and ask for it.
  const [guard] = useState(() => (pageGuard = new ClipboardGuard()));
  useLayoutEffect(() => {
    pageGuard = guard;
    const detach = guard.attach();
    return () => {
      detach();
      if (pageGuard === guard) pageGuard = null;
    };
  }, [guard]);
  return <>{children}</>;
}

/**
 * The page's guard and its state, re-rendering when the state changes. A control rendered without the provider
 * (on its own, as in a component test) gets a guard of its own, which goes when the control goes.
 */
export function useClipboardGuard(): [ClipboardGuard, ClipboardState] {
  const [{ guard, own }] = useState(() => (pageGuard ? { guard: pageGuard, own: false } : { guard: new ClipboardGuard(), own: true }));
  useLayoutEffect(() => (own ? guard.attach() : undefined), [guard, own]);
  const [state, setState] = useState(guard.state);
  // Layout effects: listening from the first render on, so that no change is missed.
  useLayoutEffect(() => {
    setState(guard.state);
    return guard.subscribe(setState);
  }, [guard]);
  return [guard, state];
}

/**
 * What is said about the clipboard; `handedOver`: by the page, after the control that copied has gone. Where the
 * browser refuses the timer's clearing (`clearsByItself` false: Firefox), it asks for *Clear the clipboard* at once.
 */
export function clipboardMessage(state: ClipboardState, handedOver: boolean, clearsByItself = CLEARS_BY_ITSELF): string {
  switch (state.kind) {
    case 'none': return '';
    case 'copied':
      if (!clearsByItself) return `${state.what} ${copyText.clearYourself}`;
      return `${state.what} ${handedOver ? copyText.clearsAfterCopy(CLIPBOARD_CLEAR_MS / 1000) : copyText.clearsSoon(CLIPBOARD_CLEAR_MS / 1000)}`;
    case 'mayRemain': return `${state.what} ${copyText.mayRemain}`;
    case 'cleared': return copyText.cleared;
  }
}

/** The copy button offers *Clear the clipboard*: the clipboard may still hold it, or the browser will not let the timer clear it. (The page notice offers it until cleared.) */
export function offersClear(state: ClipboardState, clearsByItself = CLEARS_BY_ITSELF): boolean {
  return state.kind === 'mayRemain' || (state.kind === 'copied' && !clearsByItself);
}

/**
 * The page-level notice: speaks for a copied secret once the control that copied it is gone (the view changed,
 * enrolment moved on), until the clipboard is cleared. Its live region is always in the DOM.
 */
export function ClipboardNotice() {
  const [guard, state] = useClipboardGuard();
  const shown = state.kind !== 'none' && state.owner === null;
  const tone = state.kind === 'cleared' ? 'ok' : 'warn';
  return (
    <div class={shown ? `clipboard-notice notice ${tone} no-print` : 'clipboard-notice no-print'}>
      <p role="status">{shown ? clipboardMessage(state, true) : ''}</p>
      {shown && state.kind !== 'cleared' ? (
        <button type="button" class="link" onClick={() => void guard.clearNow()}>
          {copyText.clear}
        </button>
      ) : null}
    </div>
  );
}
