// The browser-neutral surface a spec is written against: one spec runs in Chromium and Firefox.
import type { Page } from 'playwright-core';
import type { BrowserName } from './config';

/** ARIA roles, as Playwright spells them; Puppeteer's ARIA selector takes the same names. */
export type Role = Parameters<Page['getByRole']>[0];

export interface E2EPage {
  /** The document's own URL (Puppeteer does not track navigations into moz-extension:// pages). */
  url(): Promise<string>;
  /** Clicks the element with this role and exactly this accessible name. */
  click(role: Role, name: string): Promise<void>;
  /** Types into the field whose label (accessible name) is exactly `label`, replacing its value. */
  fill(label: string, value: string): Promise<void>;
  /** Visible text of the first element with this role (and exactly this name); waits for it to appear. */
  text(role: Role, name?: string): Promise<string>;
  /** Visible text of the whole page. */
  bodyText(): Promise<string>;
  /** Waits until the page's visible text contains `text`; the error shows what the page said instead. */
  waitForText(text: string, timeoutMs?: number): Promise<void>;
  /** Whether any element is marked `aria-busy="true"`. */
  isBusy(): Promise<boolean>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

/** How a browser starts. Everything is optional; the default is an English browser. */
export interface LaunchOptions {
  /**
   * The browser's UI language (a BCP 47 tag such as `ru`), which chrome.i18n follows.
   * Chromium: `--lang` and LANGUAGE. Firefox: its language pack (Debian's firefox-esr-l10n-<lang>) and intl.locale.requested.
   */
  language?: string;
  /**
   * Run against the emulated portal served over https with this throwaway certificate (tests/portal/tls.ts):
   * loads the https test build (the release CSP, https://127.0.0.1 pre-granted) and has the browser accept the
   * certificate for tabs and the extension's background alike. Chromium trusts exactly this certificate
   * (`--ignore-certificate-errors-spki-list`); Firefox's WebDriver BiDi session accepts any (`acceptInsecureCerts`).
   */
  https?: { spkiSha256: string };
}

/** Console messages of every extension page and the background, from when capture started. */
export interface ConsoleCapture {
  /** Each message as its text followed by its arguments serialised (so an object's fields can be searched). */
  messages(): Promise<string[]>;
  stop(): void;
}

export interface CookieSpec {
  origin: string;
  name: string;
  value: string;
}

export interface E2EBrowser {
  readonly name: BrowserName;
  /** A new tab on a web page (the emulated portal). */
  openTab(url: string): Promise<E2EPage>;
  /** A new tab on an extension page, e.g. `popup.html?origin=…` or `options.html?origin=…`. */
  openExtensionPage(pathAndQuery: string): Promise<E2EPage>;
  /**
   * The popup for a portal tab. Chromium: the real popup, attached to that tab (it becomes the active tab).
   * Firefox: `popup.html?origin=<the tab's origin>` in a tab of its own.
   */
  openPopup(tab: E2EPage): Promise<E2EPage>;
  /** Sets an HttpOnly, SameSite=Strict cookie (Secure on https) for a portal origin, as the portal's own sign-in would. */
  setCookie(cookie: CookieSpec): Promise<void>;
  /** Starts collecting console messages of extension pages (the real popup included) and the background. */
  captureConsole(): Promise<ConsoleCapture>;
  /**
   * Grants or withdraws the extension's access to a host pattern (`http://127.0.0.1/` plus a star, or all https sites) the way the
   * browser's own extension settings do: Chromium through chrome://extensions (developerPrivate, the page's
   * "Site access"), Firefox through about:addons' permission switches (ExtensionPermissions). The extension gets
   * permissions.onRemoved / onAdded as it would from the user.
   */
  setHostAccess(pattern: string, granted: boolean): Promise<void>;
  /**
   * Opens `url` in a tab whose cookies are not the browser's normal ones and returns its id as the extension sees it:
   * `private`, a private (incognito) window, after allowing the extension there as the user would (Chromium:
   * chrome://extensions "Allow in Incognito"; Firefox: about:addons "Run in Private Windows"; the extension reloads
   * if it was not allowed yet, closing its pages); `container`, a Firefox container tab (Chromium has none: throws).
   * In Chromium the reload also takes the tab the harness reaches the service worker through: openPopup,
   * stopBackground and setHostAccess fail after it, so a spec does this last in its block (or uses extension pages).
   */
  openSeparateTab(url: string, kind: 'private' | 'container'): Promise<number>;
  /**
   * What the system clipboard holds as text, read by the test driver (the extension cannot read it). Chromium: in
   * `page`, a web page (clipboard-read is granted to its origin for this; Chromium grants nothing to an extension's
   * origin). Firefox: from chrome scope (nsIClipboard); `page` is not used. Neither moves the focus.
   */
  readClipboard(page: E2EPage): Promise<string>;
  /** Stops the background (Chromium service worker, Firefox event page) as the browser does when idle. */
  stopBackground(): Promise<void>;
  /** Stops the background and starts it again; session storage must survive this. */
  restartBackground(): Promise<void>;
  close(): Promise<void>;
}
