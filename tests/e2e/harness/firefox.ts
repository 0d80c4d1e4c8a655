// Debian's Firefox ESR with the built test extension, driven by puppeteer-core over WebDriver BiDi.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { ACTION_TIMEOUT_MS, BROWSER_BINARIES, FIREFOX_EXTENSION_UUID, GECKO_ID, HTTPS_TEST_BUILDS, INSTALL_PAGE_WAIT_MS, TEST_BUILDS } from './config';
import { BasePage } from './page';
import { pollFor } from './wait';
import type { ConsoleCapture, CookieSpec, E2EBrowser, E2EPage, LaunchOptions, Role } from './types';

/** Puppeteer's ARIA selector, with the name as a quoted attribute so any character is safe. */
function aria(role: Role | undefined, name?: string): string {
  const parts = [name === undefined ? '' : `[name=${JSON.stringify(name)}]`, role ? `[role=${JSON.stringify(role)}]` : ''];
  return `::-p-aria(${parts.join('')})`;
}

const TYPEABLE_INPUTS = ['text', 'url', 'tel', 'search', 'password', 'number', 'email'];

/** Runs in the page: sets a field's value as typing would, with its input and change events. */
function setValue(el: Element, value: string): void {
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.value = value;
  else el.textContent = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

class PuppeteerPage extends BasePage<Page> {
  url(): Promise<string> {
    return this.evaluate(() => location.href);
  }

  /**
   * Waits for a visible, enabled match, then clicks it. Not Puppeteer's locator: on moz-extension:// pages of
   * Firefox 140 its wait never resolves (the same ARIA query through `$$` answers at once), so every click timed out.
   */
  async click(role: Role, name: string): Promise<void> {
    const target = await this.#visible(role, name, true);
    try {
      await target.click();
    } finally {
      await target.dispose();
    }
  }

  /** Firefox gives the <label> itself the field's accessible name (and a password field no role): take the field. */
  async fill(label: string, value: string): Promise<void> {
    const field = await pollFor(
      async () => {
        for (const handle of await this.raw.$$(aria(undefined, label))) {
          if (await handle.evaluate((el) => el.matches('input, textarea, select, [contenteditable]:not([contenteditable="false"])'))) return handle;
          await handle.dispose();
        }
        return undefined;
      },
      () => `a field labelled ${JSON.stringify(label)}`,
    );
    try {
      // What Puppeteer's Locator.fill does, without its in-page waits (see click): a <select> selects; a field
      // one types into is emptied (with an input event, so the page's state agrees) and typed into, key by key.
      const kind = await field.evaluate(
        (el, typeable) => (el instanceof HTMLSelectElement ? 'select' : el instanceof HTMLInputElement && !typeable.includes(el.type) ? 'other' : 'typeable'),
        TYPEABLE_INPUTS,
      );
      if (kind === 'select') await field.select(value);
      else if (kind === 'other') await field.evaluate(setValue, value);
      else {
        await field.evaluate(setValue, '');
        await field.type(value);
      }
    } finally {
      await field.dispose();
    }
  }

  async text(role: Role, name?: string): Promise<string> {
    const handle = await this.#visible(role, name, false);
    try {
      return await handle.evaluate((el) => (el as HTMLElement).innerText);
    } finally {
      await handle.dispose();
    }
  }

  /** The first visible element with that role and name (and, for a click, not disabled), polled for. */
  #visible(role: Role, name: string | undefined, enabled: boolean): Promise<ElementHandle> {
    return pollFor(
      async () => {
        for (const handle of await this.raw.$$(aria(role, name))) {
          if ((await handle.isVisible()) && !(enabled && (await handle.evaluate((el) => el.matches(':disabled'))))) return handle;
          await handle.dispose();
        }
        return undefined;
      },
      () => `a visible${enabled ? ', enabled' : ''} ${role}${name === undefined ? '' : ` named ${JSON.stringify(name)}`}`,
    );
  }
}

/** The harness's own add-on (tests/e2e/harness/firefox-privileged): its calls, its id and pinned UUID. */
type PrivilegedCall = 'setHostAccess' | 'terminateBackground' | 'wakeupBackground' | 'allowPrivateBrowsing' | 'openContainerTab' | 'readClipboard';
const PRIVILEGED_HELPER_DIR = fileURLToPath(new URL('./firefox-privileged/', import.meta.url));
const PRIVILEGED_HELPER_ID = 'e2e-privileged@harness.invalid';
const PRIVILEGED_HELPER_UUID = '0b9e5a3c-7f21-4d6e-8c4b-2a1f3e5d7c90';

/** The raw BiDi channel: Puppeteer's page API cannot reach moz-extension:// pages or chrome scope. */
interface BidiChannel {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

export class FirefoxBrowser implements E2EBrowser {
  readonly name = 'firefox';
  readonly extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  /** Firefox's stdout, line by line: console calls of pages and add-ons (see captureConsole). */
  readonly #stdoutLines: string[];
  #helperInstalled?: Promise<void>;

  private constructor(
    readonly browser: Browser,
    private readonly bidi: BidiChannel,
    stdoutLines: string[],
  ) {
    this.#stdoutLines = stdoutLines;
  }

  static async launch({ language, https }: LaunchOptions = {}): Promise<FirefoxBrowser> {
    if (language && !language.startsWith('en')) {
      const pack = path.join(path.dirname(realpathSync(BROWSER_BINARIES.firefox)), 'browser/extensions', `langpack-${language}@firefox-esr.mozilla.org.xpi`);
      if (!existsSync(pack)) throw new Error(`Firefox cannot run in ${language}: no language pack at ${pack}. Install it (apt-get install firefox-esr-l10n-${language}).`);
    }
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: BROWSER_BINARIES.firefox,
      headless: true,
      // Lets BiDi navigate to moz-extension:// URLs (refused otherwise). Test browsers only.
      args: ['--remote-allow-system-access'],
      // BiDi's session capability: Firefox then skips certificate checks for every connection it makes, the
      // extension's background page included (nothing narrower exists for a self-signed certificate).
      ...(https ? { acceptInsecureCerts: true } : {}),
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID, [PRIVILEGED_HELPER_ID]: PRIVILEGED_HELPER_UUID }),
        // The app locale needs the language pack installed beside Firefox (Debian: firefox-esr-l10n-<lang>),
        // which Puppeteer's profile enables (extensions.enabledScopes includes the application scope).
        ...(language ? { 'intl.locale.requested': language, 'intl.accept_languages': language } : {}),
        'devtools.console.stdout.content': true,
        // For the harness's own add-on (firefox-privileged/); Debian's builds honour it, official ones do not.
        'extensions.experiments.enabled': true,
      },
    });
    // Always drained, so a full pipe never stalls the browser.
    const stdoutLines: string[] = [];
    let partial = '';
    browser.process()?.stdout?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      stdoutLines.push(...lines);
    });
    try {
      const bidi = (browser as unknown as { connection?: BidiChannel }).connection;
      if (typeof bidi?.send !== 'function') throw new Error('puppeteer-core no longer exposes its BiDi connection; see tests/e2e/harness/firefox.ts');
      await browser.installExtension(https ? HTTPS_TEST_BUILDS.firefox : TEST_BUILDS.firefox);
      const firefox = new FirefoxBrowser(browser, bidi, stdoutLines);
      await firefox.#settleInstallPage();
      return firefox;
    } catch (e) {
      await browser.close();
      throw e;
    }
  }

  async openTab(url: string): Promise<E2EPage> {
    const page = await this.#newPage();
    await page.goto(url);
    return new PuppeteerPage(page);
  }

  /**
   * `page.goto` waits for navigation events that Firefox never reports for extension pages, so this sends
   * BiDi's own `browsingContext.navigate` and waits for the document to be complete.
   */
  openExtensionPage(pathAndQuery: string): Promise<E2EPage> {
    return this.#openByBidi(`${this.extensionOrigin}/${pathAndQuery.replace(/^\//, '')}`);
  }

  async #openByBidi(url: string): Promise<E2EPage> {
    const page = await this.#newPage();
    const context = (page.mainFrame() as unknown as { _id: string })._id;
    await this.bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
    return new PuppeteerPage(page);
  }

  /** Firefox cannot open the real popup headless: the popup page in a tab, told which portal it is for. */
  async openPopup(tab: E2EPage): Promise<E2EPage> {
    const { origin } = new URL(await tab.url());
    return this.openExtensionPage(`popup.html?origin=${encodeURIComponent(origin)}`);
  }

  /**
   * BiDi reports no console of the background script, and the extension process's console never reaches the
   * parent's console storage; with `devtools.console.stdout.content` Firefox prints every content and extension
   * console call to its stdout (`console.info: "text" ({field:"value"})`), which the launch drains into
   * #stdoutLines. Every line printed while the capture runs is kept: Firefox prints nothing else there.
   */
  captureConsole(): Promise<ConsoleCapture> {
    const from = this.#stdoutLines.length;
    let to: number | null = null;
    return Promise.resolve({
      messages: () => Promise.resolve(this.#stdoutLines.slice(from, to ?? undefined)),
      stop: () => {
        to = this.#stdoutLines.length;
      },
    });
  }

  async setCookie({ origin, name, value }: CookieSpec): Promise<void> {
    await this.browser.setCookie({ name, value, domain: new URL(origin).hostname, path: '/', httpOnly: true, secure: origin.startsWith('https:'), sameSite: 'Strict' });
  }

  /** The same call about:addons' permission switches make. */
  setHostAccess(pattern: string, granted: boolean): Promise<void> {
    return this.#privileged('setHostAccess', GECKO_ID, pattern, granted);
  }

  /**
   * Private: about:addons' "Run in Private Windows" (the permission, then a reload, as that switch does), then the
   * extension opens the window. Container: Firefox's first default container ("Personal", userContextId 1), enabled
   * by the pref the containers UI sets, in the window's tab strip.
   */
  async openSeparateTab(url: string, kind: 'private' | 'container'): Promise<number> {
    if (kind === 'private') await this.#privileged('allowPrivateBrowsing', GECKO_ID);
    else await this.#privileged('openContainerTab', url);
    interface Tab { id?: number; cookieStoreId?: string }
    interface Api { extension: { isAllowedIncognitoAccess(): Promise<boolean> }; windows: { create(d: { incognito: boolean; url: string }): Promise<{ tabs?: Tab[] }> }; tabs: { query(q: object): Promise<Tab[]> } }
    return pollFor(async () => {
      const page = await this.openExtensionPage('privacy.html').catch(() => undefined);
      if (!page) return undefined;
      try {
        return await page.evaluate(async ({ u, k }) => {
          const browser = (globalThis as unknown as { browser: Api }).browser;
          if (k === 'container') return (await browser.tabs.query({})).find((t) => t.cookieStoreId === 'firefox-container-1')?.id;
          if (!(await browser.extension.isAllowedIncognitoAccess())) return undefined;
          return (await browser.windows.create({ incognito: true, url: u })).tabs?.[0]?.id;
        }, { u: url, k: kind });
      } catch {
        return undefined;
      } finally {
        await page.close().catch(() => undefined);
      }
    }, () => `a ${kind} tab the extension can see`);
  }

  /** The global clipboard's text/plain, '' when it holds none. */
  /**
   * The system clipboard (nsIClipboard) from a chrome-scope script over WebDriver BiDi, which moves no focus (the
   * harness's add-on would open a tab). Firefox 140's BiDi has no chrome scope: the oldest-version pass runs no
   * spec that reads the clipboard, and this throws there with the reason.
   */
  async readClipboard(): Promise<string> {
    const tree = (await this.bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string }[] };
    const context = tree.contexts[0]?.context;
    if (!context) throw new Error('readClipboard: this Firefox has no chrome scope over WebDriver BiDi (153 has it, 140 does not)');
    const out = (await this.bidi.send('script.evaluate', {
      expression: `(() => {
        const transferable = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
        transferable.init(null);
        transferable.addDataFlavor('text/plain');
        Services.clipboard.getData(transferable, Ci.nsIClipboard.kGlobalClipboard, null);
        const data = {};
        try {
          transferable.getTransferData('text/plain', data);
        } catch {
          return '';
        }
        return data.value?.QueryInterface(Ci.nsISupportsString).data ?? '';
      })()`,
      target: { context },
      awaitPromise: true,
    })).result as { type: string; result?: { type: string; value?: unknown }; exceptionDetails?: { text: string } };
    if (out.type !== 'success') throw new Error(`readClipboard: Firefox's chrome-scope script failed: ${out.exceptionDetails?.text ?? out.type}`);
    return typeof out.result?.value === 'string' ? out.result.value : '';
  }

  /** The same call about:debugging's "Terminate background script" makes. */
  stopBackground(): Promise<void> {
    return this.#privileged('terminateBackground', GECKO_ID);
  }

  async restartBackground(): Promise<void> {
    await this.stopBackground();
    await this.#privileged('wakeupBackground', GECKO_ID);
  }

  close(): Promise<void> {
    return this.browser.close();
  }

  /** The extension opens a page of its own on install (into the first, blank tab); let it arrive first. */
  async #settleInstallPage(): Promise<void> {
    const isExtensionPage = async (page: Page) => (await page.evaluate(() => location.href).catch(() => '')).startsWith(this.extensionOrigin);
    await pollFor(
      async () => ((await Promise.all((await this.browser.pages()).map(isExtensionPage))).some(Boolean) || undefined),
      () => 'an install-time extension page',
      INSTALL_PAGE_WAIT_MS,
    ).catch(() => undefined);
  }

  async #newPage(): Promise<Page> {
    const page = await this.browser.newPage();
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    return page;
  }

  /**
   * Calls the harness's own add-on (firefox-privileged/, a WebExtension experiment that runs in the parent
   * process), installed on first use, from a tab of its page that is closed again. Firefox 140's WebDriver BiDi
   * cannot evaluate in chrome scope (`moz:scope` came later); the experiment works on 140 and 153 alike.
   */
  async #privileged(method: PrivilegedCall, ...args: (string | boolean)[]): Promise<void> {
    await (this.#helperInstalled ??= this.browser.installExtension(PRIVILEGED_HELPER_DIR).then(
      () => undefined,
      (e: unknown) => {
        throw new Error(
          `Firefox refused the harness's privileged add-on (${e instanceof Error ? e.message.split('\n')[0] : String(e)}). ` +
            `It needs a Firefox build that honours extensions.experiments.enabled, such as Debian's firefox-esr.`,
        );
      },
    ));
    const page = await this.#openByBidi(`moz-extension://${PRIVILEGED_HELPER_UUID}/index.html`);
    try {
      const error = await page.evaluate(
        ([name, params]) => (globalThis as typeof globalThis & { browser: { harness: Record<PrivilegedCall, (...a: unknown[]) => Promise<string>> } }).browser.harness[name](...params),
        [method, args] as [PrivilegedCall, (string | boolean)[]],
      );
      if (error) throw new Error(`Firefox privileged call ${method} failed: ${error}`);
    } finally {
      await page.close();
    }
  }
}
