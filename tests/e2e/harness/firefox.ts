// Debian's Firefox ESR with the built test extension, driven by puppeteer-core over WebDriver BiDi.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ACTION_TIMEOUT_MS, BROWSER_BINARIES, FIREFOX_EXTENSION_UUID, GECKO_ID, HTTPS_TEST_BUILDS, INSTALL_PAGE_WAIT_MS, TEST_BUILDS } from './config';
import { BasePage } from './page';
import { pollFor } from './wait';
import type { ConsoleCapture, CookieSpec, E2EBrowser, E2EPage, LaunchOptions, Role } from './types';

/** Puppeteer's ARIA selector, with the name as a quoted attribute so any character is safe. */
function aria(role: Role | undefined, name?: string): string {
  const parts = [name === undefined ? '' : `[name=${JSON.stringify(name)}]`, role ? `[role=${JSON.stringify(role)}]` : ''];
  return `::-p-aria(${parts.join('')})`;
}

class PuppeteerPage extends BasePage<Page> {
  url(): Promise<string> {
    return this.evaluate(() => location.href);
  }

  click(role: Role, name: string): Promise<void> {
    return this.raw.locator(aria(role, name)).click();
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
      await field.asLocator().fill(value);
    } finally {
      await field.dispose();
    }
  }

  async text(role: Role, name?: string): Promise<string> {
    const handle = await this.raw.locator(aria(role, name)).waitHandle();
    try {
      return await handle.evaluate((el) => (el as HTMLElement).innerText);
    } finally {
      await handle.dispose();
    }
  }
}

/** The raw BiDi channel: Puppeteer's page API cannot reach moz-extension:// pages or chrome scope. */
interface BidiChannel {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

export class FirefoxBrowser implements E2EBrowser {
  readonly name = 'firefox';
  readonly extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  /** Firefox's stdout, line by line: console calls of pages and add-ons (see captureConsole). */
  readonly #stdoutLines: string[];

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
      // Lets BiDi navigate to moz-extension:// URLs (refused otherwise) and evaluate in chrome scope,
      // which is how the background is stopped. Test browsers only.
      args: ['--remote-allow-system-access'],
      // BiDi's session capability: Firefox then skips certificate checks for every connection it makes, the
      // extension's background page included (nothing narrower exists for a self-signed certificate).
      ...(https ? { acceptInsecureCerts: true } : {}),
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
        // The app locale needs the language pack installed beside Firefox (Debian: firefox-esr-l10n-<lang>),
        // which Puppeteer's profile enables (extensions.enabledScopes includes the application scope).
        ...(language ? { 'intl.locale.requested': language, 'intl.accept_languages': language } : {}),
        'devtools.console.stdout.content': true,
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
  async openExtensionPage(pathAndQuery: string): Promise<E2EPage> {
    const page = await this.#newPage();
    const context = (page.mainFrame() as unknown as { _id: string })._id;
    const url = `${this.extensionOrigin}/${pathAndQuery.replace(/^\//, '')}`;
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
    return this.#inChrome(`
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      const extension = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension;
      await ExtensionPermissions.${granted ? 'add' : 'remove'}(${JSON.stringify(GECKO_ID)}, { permissions: [], origins: [${JSON.stringify(pattern)}] }, extension);`);
  }

  /** The global clipboard's text/plain, '' when it holds none. */
  readClipboard(): Promise<string> {
    return this.#inChromeText(`
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
      return data.value?.QueryInterface(Ci.nsISupportsString).data ?? '';`);
  }

  /** The same call about:debugging's "Terminate background script" makes. */
  stopBackground(): Promise<void> {
    return this.#inChrome(`
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      await ExtensionParent.DebugUtils.terminateBackgroundScript(${JSON.stringify(GECKO_ID)});`);
  }

  async restartBackground(): Promise<void> {
    await this.stopBackground();
    await this.#inChrome(`await WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension.wakeupBackground();`);
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

  /** Evaluates privileged code in the browser window's chrome scope (needs --remote-allow-system-access). */
  async #inChrome(body: string): Promise<void> {
    await this.#inChromeText(body);
  }

  /** As #inChrome; the script's string result (empty when it returns none). */
  async #inChromeText(body: string): Promise<string> {
    const tree = (await this.bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string }[] };
    const context = tree.contexts[0]?.context;
    if (!context) throw new Error('Firefox reported no chrome-scope window');
    const out = (await this.bidi.send('script.evaluate', {
      expression: `(async () => { ${body} })()`,
      target: { context },
      awaitPromise: true,
    })).result as { type: string; result?: { type: string; value?: unknown }; exceptionDetails?: { text: string } };
    if (out.type !== 'success') throw new Error(`Firefox chrome-scope script failed: ${out.exceptionDetails?.text ?? out.type}`);
    return typeof out.result?.value === 'string' ? out.result.value : '';
  }
}
