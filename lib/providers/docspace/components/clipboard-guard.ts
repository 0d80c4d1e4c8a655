/** A copied secret is taken off the clipboard after this long, when that is known to be safe (see ClipboardGuard). */
export const CLIPBOARD_CLEAR_MS = 45_000;
/**
 * A page that lost the focus this shortly before it went away lost it by going away (Firefox takes the focus from a
 * tab before closing it): nobody can have copied something else in between.
 */
export const LEAVING_BLUR_MS = 1_000;
/**
 * Whether the timer's clearing can work at all. Firefox lets a page write to the clipboard only within a few seconds
 * of a click or key press on it (transient user activation), which a timer 45 s later never is: there the page asks
 * you to clear the clipboard from the start, rather than promise a clearing Firefox will refuse.
 */
export const CLEARS_BY_ITSELF = !import.meta.env.FIREFOX;

/**
 * What the page knows about a secret it copied. `owner` is the control that copied it while that control is on the
 * page (it says so itself, next to its button); `null` once it is gone, and then the page-level notice says it.
 */
export type ClipboardState =
  | { kind: 'none' }
  | { kind: 'copied'; what: string; owner: object | null }
  | { kind: 'mayRemain'; what: string; owner: object | null }
  | { kind: 'cleared'; owner: object | null };

/**
 * The copied-secret state of one options page and its timer, kept at page level so that it outlives the control
 * that copied (a setup key copied just before Next, backup codes copied just before going to another view).
 *
 * The extension cannot read the clipboard (that needs the clipboardRead permission, which it does not ask for), so
 * it cannot check that the clipboard still holds the secret. It clears it after {@link CLIPBOARD_CLEAR_MS} only when
 * nothing else can have been copied meanwhile: this page kept the focus the whole time and nothing was copied on
 * it. Otherwise it says the clipboard may still hold the secret and offers to clear it.
 *
 * The page being closed or left (pagehide) ends the timer: if clearing is safe at that moment (the same rule, except
 * that a loss of focus less than {@link LEAVING_BLUR_MS} before is the closing itself), the guard clears the clipboard
 * there and then, with the one clipboard write a page being unloaded can still make.
 */
export class ClipboardGuard {
  #state: ClipboardState = { kind: 'none' };
  readonly #listeners = new Set<(state: ClipboardState) => void>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Since our copy, something else was copied on this page. */
  #copiedOnPage = false;
  /** When the page first lost the focus since our copy (a hidden page loses it too); -Infinity: it had none then. */
  #focusLostAt: number | null = null;

  get state(): ClipboardState {
    return this.#state;
  }

  subscribe(listener: (state: ClipboardState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Starts listening to the page; returns the function that stops it (and the timer). */
  attach(): () => void {
    addEventListener('blur', this.#onBlur);
    addEventListener('pagehide', this.#onPageHide);
    document.addEventListener('copy', this.#onCopy);
    document.addEventListener('cut', this.#onCopy);
    return () => {
      clearTimeout(this.#timer);
      removeEventListener('blur', this.#onBlur);
      removeEventListener('pagehide', this.#onPageHide);
      document.removeEventListener('copy', this.#onCopy);
      document.removeEventListener('cut', this.#onCopy);
    };
  }

  /** Copies `text` (a secret) for `owner`; false when the browser refused (the clipboard is then as it was). */
  async copy(text: string, what: string, owner: object): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      return false;
    }
    clearTimeout(this.#timer);
    this.#copiedOnPage = false;
    this.#focusLostAt = document.hasFocus() ? null : -Infinity;
    this.#set({ kind: 'copied', what, owner });
    this.#timer = setTimeout(() => void this.#timeUp(), CLIPBOARD_CLEAR_MS);
    return true;
  }

  /** The person's *Clear the clipboard*. */
  async clearNow(): Promise<void> {
    const owner = this.#state.kind === 'none' ? null : this.#state.owner;
    if (await this.#clear()) {
      clearTimeout(this.#timer);
      this.#set({ kind: 'cleared', owner });
    }
  }

  /** The control that copied leaves the page: from now on the page-level notice speaks for it. */
  release(owner: object): void {
    if (this.#state.kind !== 'none' && this.#state.owner === owner) this.#set({ ...this.#state, owner: null });
  }

  async #timeUp(): Promise<void> {
    const s = this.#state;
    if (s.kind !== 'copied') return;
    if (!this.#copiedOnPage && this.#focusLostAt === null && document.hasFocus() && (await this.#clear())) this.#set({ kind: 'cleared', owner: s.owner });
    else this.#set({ kind: 'mayRemain', what: s.what, owner: s.owner });
  }

  async #clear(): Promise<boolean> {
    try {
      await navigator.clipboard.writeText('');
      return true;
    } catch {
      return false;
    }
  }

  #set(state: ClipboardState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener(state);
  }

  readonly #onBlur = () => {
    this.#focusLostAt ??= Date.now();
  };

  readonly #onCopy = () => {
    // Something else was copied on this page: the clipboard no longer holds our secret.
    this.#copiedOnPage = true;
    clearTimeout(this.#timer);
    if (this.#state.kind === 'copied' || this.#state.kind === 'mayRemain') this.#set({ kind: 'none' });
  };

  readonly #onPageHide = () => {
    // The page is going away and its timer with it: clear now if that is safe. The asynchronous clipboard write
    // never completes in a page being unloaded (Chromium 156, Firefox 153 ESR), so this one is synchronous: a copy
    // command whose copy event puts empty text on the clipboard.
    clearTimeout(this.#timer);
    const s = this.#state;
    if (s.kind !== 'copied') return;
    // Not safe: said as it would be when the time is up (seen only if the browser brings the page back).
    const safe = !this.#copiedOnPage && (this.#focusLostAt === null ? document.hasFocus() : Date.now() - this.#focusLostAt < LEAVING_BLUR_MS);
    if (!safe) return this.#set({ kind: 'mayRemain', what: s.what, owner: s.owner });
    const putNothing = (e: ClipboardEvent) => {
      e.clipboardData?.setData('text/plain', '');
      e.preventDefault();
    };
    document.addEventListener('copy', putNothing);
    const done = document.execCommand('copy');
    document.removeEventListener('copy', putNothing);
    if (done) this.#set({ kind: 'cleared', owner: s.owner });
    else void this.clearNow();
  };
}
