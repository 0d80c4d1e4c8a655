// Debian's Chromium with the built test extension, driven by playwright-core.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type ConsoleMessage, type Page, type Worker } from 'playwright-core';
import { ACTION_TIMEOUT_MS, BROWSER_BINARIES, HTTPS_TEST_BUILDS, INSTALL_PAGE_WAIT_MS, TEST_BUILDS } from './config';
import { BasePage } from './page';
import { pollFor, withTimeout } from './wait';
import type { ConsoleCapture, CookieSpec, E2EBrowser, E2EPage, LaunchOptions, Role } from './types';

class PlaywrightPage extends BasePage<Page> {
  url(): Promise<string> {
    return Promise.resolve(this.raw.url());
  }

  click(role: Role, name: string): Promise<void> {
    return this.raw.getByRole(role, { name, exact: true }).click();
  }

  fill(label: string, value: string): Promise<void> {
    return this.raw.getByLabel(label, { exact: true }).fill(value);
  }

  text(role: Role, name?: string): Promise<string> {
    return this.raw.getByRole(role, name === undefined ? {} : { name, exact: true }).first().innerText();
  }
}

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';
interface WorkerVersion { scriptURL: string; runningStatus: RunningStatus }
interface TargetInfo { targetId: string; type: string; url: string }
interface ChromeGlobal { chrome: { action: { openPopup(): Promise<void> } } }

export class ChromiumBrowser implements E2EBrowser {
  readonly name = 'chromium';
  /** The CDP connection that drives the current real popup, and that popup. */
  #popup: { connection: Browser; page: Page } | null = null;
  /** Listeners of running console captures; each real popup is attached to them as it opens. */
  readonly #consoleListeners = new Set<(msg: ConsoleMessage) => void>();

  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    private readonly profileDir: string,
    /** The first tab, kept on about:blank: it hosts CDP sessions and is never handed to a spec. */
    private readonly driverPage: Page,
  ) {}

  /**
   * `language`: the browser's UI language (`--lang`, `LANGUAGE`, and the pages' locale), e.g. `ru`; default the system's.
   * `extensionDir` loads that unpacked extension instead of the test build (the screenshots' release copy, the
   * bench's copy with its floor page); `hostRules` (Chromium only, the screenshots) goes to `--host-resolver-rules`
   * (e.g. `MAP acme.onlyoffice.io 127.0.0.1:8093`) for tabs and the extension's background alike.
   */
  static async launch({ language: lang, https, extensionDir, hostRules }: LaunchOptions & { extensionDir?: string; hostRules?: string } = {}): Promise<ChromiumBrowser> {
    const profileDir = await mkdtemp(path.join(tmpdir(), 'e2e-chromium-'));
    const extension = extensionDir ?? (https ? HTTPS_TEST_BUILDS.chromium : TEST_BUILDS.chromium);
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: BROWSER_BINARIES.chromium,
      // Chromium on Linux takes its UI language from the environment (LANGUAGE, then LC_ALL / LANG), not --lang.
      ...(lang ? { locale: lang, env: { ...process.env, LANGUAGE: lang, LC_ALL: posixLocale(lang), LANG: posixLocale(lang) } } : {}),
      // Chromium 156's `--headless` is the new headless mode, which loads extensions.
      headless: true,
      args: [
        `--disable-extensions-except=${extension}`,
        `--load-extension=${extension}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Port 0: Chromium picks a free one and writes it to <profile>/DevToolsActivePort.
        '--remote-debugging-port=0',
        ...(lang ? [`--lang=${lang}`] : []),
        // The network service's certificate check, so it covers the service worker's fetches as well as tabs;
        // honoured only with --user-data-dir, which the persistent context passes.
        ...(https ? [`--ignore-certificate-errors-spki-list=${https.spkiSha256}`] : []),
        ...(hostRules ? [`--host-resolver-rules=${hostRules}`] : []),
      ],
    });
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    try {
      const worker = context.serviceWorkers().find(isExtensionWorker) ?? (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker }));
      const driverPage = context.pages()[0] ?? (await context.newPage());
      const browser = new ChromiumBrowser(context, new URL(worker.url()).host, profileDir, driverPage);
      await browser.#settleInstallPage();
      return browser;
    } catch (e) {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
      throw e;
    }
  }

  get extensionOrigin(): string {
    return `chrome-extension://${this.extensionId}`;
  }

  async openTab(url: string): Promise<E2EPage> {
    const page = await this.context.newPage();
    await page.goto(url);
    return new PlaywrightPage(page);
  }

  openExtensionPage(pathAndQuery: string): Promise<E2EPage> {
    return this.openTab(`${this.extensionOrigin}/${pathAndQuery.replace(/^\//, '')}`);
  }

  /**
   * Focuses the tab and has the service worker call `action.openPopup()`. Playwright's own connection never
   * attaches to the popup, and neither does a `connectOverCDP` made before it opened, so the popup's target is
   * found with CDP's Target domain and then driven through a new `connectOverCDP`. `popupPage`: the page the popup
   * shows, when the extension set another one with `action.setPopup` (the bench's floor popup).
   */
  async openPopup(tab: E2EPage, popupPage = 'popup.html'): Promise<E2EPage> {
    await this.#closePopup();
    await tab.bringToFront();
    const popupUrl = `${this.extensionOrigin}/${popupPage}`;
    const targets = await this.#browser().newBrowserCDPSession();
    try {
      const popupTargets = async () =>
        ((await targets.send('Target.getTargets')) as { targetInfos: TargetInfo[] }).targetInfos
          .filter((t) => t.type === 'page' && t.url.startsWith(popupUrl))
          .map((t) => t.targetId);
      const before = new Set(await popupTargets());
      await (await this.serviceWorker()).evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.action.openPopup());
      const targetId = await pollFor(async () => (await popupTargets()).find((id) => !before.has(id)), () => 'action.openPopup() to show a popup');
      const connection = await chromium.connectOverCDP(`http://127.0.0.1:${await this.#debuggingPort()}`);
      const page = await pageWithTarget(connection, targetId).catch(async (e: unknown) => {
        await connection.close();
        throw e;
      });
      this.#popup = { connection, page };
      for (const listener of this.#consoleListeners) page.on('console', listener);
      page.setDefaultTimeout(ACTION_TIMEOUT_MS);
      await page.waitForLoadState('domcontentloaded');
      return new PlaywrightPage(page);
    } finally {
      await targets.detach().catch(() => undefined);
    }
  }

  /**
   * The persistent context reports its tabs' and its service worker's console (each message names its page
   * or worker); the real popup lives on another CDP connection and is attached in openPopup.
   */
  captureConsole(): Promise<ConsoleCapture> {
    const pending: Promise<string>[] = [];
    const listener = (msg: ConsoleMessage) => {
      const from = msg.worker()?.url() ?? msg.page()?.url() ?? '?';
      if (from.startsWith(this.extensionOrigin)) pending.push(serialiseConsole(msg));
    };
    this.context.on('console', listener);
    this.#popup?.page.on('console', listener);
    this.#consoleListeners.add(listener);
    return Promise.resolve({
      messages: () => Promise.all(pending),
      stop: () => {
        this.context.off('console', listener);
        this.#popup?.page.off('console', listener);
        this.#consoleListeners.delete(listener);
      },
    });
  }

  /**
   * The bytes of the profile's files that belong to the extension, as latin1 text: its storage.local and
   * storage.sync databases (LevelDB; recent writes sit uncompressed in the .log), its IndexedDB, the profile's
   * Local Storage, and the saved session (tab URLs and titles). For searching for strings that must not be there.
   */
  async extensionFilesOnDisk(): Promise<{ files: string[]; text: string }> {
    const id = this.extensionId;
    const roots = [`Default/Local Extension Settings/${id}`, `Default/Sync Extension Settings/${id}`, 'Default/Local Storage', 'Default/Sessions'];
    const indexedDb = await readdir(path.join(this.profileDir, 'Default/IndexedDB')).catch(() => [] as string[]);
    roots.push(...indexedDb.filter((d) => d.includes(id)).map((d) => `Default/IndexedDB/${d}`));
    const files: string[] = [];
    let text = '';
    for (const root of roots) {
      const entries = await readdir(path.join(this.profileDir, root), { recursive: true, withFileTypes: true }).catch(() => []);
      for (const entry of entries.filter((e) => e.isFile())) {
        const file = path.join(entry.parentPath, entry.name);
        files.push(path.relative(this.profileDir, file));
        text += (await readFile(file).catch(() => Buffer.alloc(0))).toString('latin1');
      }
    }
    return { files, text };
  }

  async setCookie({ origin, name, value }: CookieSpec): Promise<void> {
    await this.context.addCookies([{ name, value, url: origin, httpOnly: true, secure: origin.startsWith('https:'), sameSite: 'Strict' }]);
  }

  /** The extension's service worker, started first if it was stopped (evaluating a stopped worker hangs). */
  async serviceWorker(): Promise<Worker> {
    await this.#withServiceWorkerDomain(async (session, statusIs) => {
      const running = statusIs('running');
      await session.send('ServiceWorker.startWorker', { scopeURL: `${this.extensionOrigin}/` });
      await running;
    });
    const worker = this.context.serviceWorkers().find(isExtensionWorker);
    if (!worker) throw new Error('The extension has no service worker');
    return worker;
  }

  /** Incognito: chrome://extensions' "Allow in Incognito" (the extension reloads), then the extension opens the window. */
  async openSeparateTab(url: string, kind: 'private' | 'container'): Promise<number> {
    if (kind === 'container') throw new Error('Chromium has no container tabs');
    const settings = await this.context.newPage();
    try {
      await settings.goto(`chrome://extensions/?id=${this.extensionId}`);
      await settings.evaluate(async (id) => {
        interface DeveloperPrivate {
          updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
          updateExtensionConfiguration(update: { extensionId: string; incognitoAccess: boolean }): Promise<void>;
        }
        const api = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome.developerPrivate;
        // The switch reloads the extension, and an unpacked one reloaded outside developer mode stays disabled.
        await api.updateProfileConfiguration({ inDeveloperMode: true });
        await api.updateExtensionConfiguration({ extensionId: id, incognitoAccess: true });
      }, this.extensionId);
    } finally {
      await settings.close();
    }
    interface Api { extension: { isAllowedIncognitoAccess(): Promise<boolean> }; windows: { create(d: { incognito: boolean; url: string }): Promise<{ tabs?: { id?: number }[] }> } }
    // The reload closes extension pages: ask from a fresh one, once the extension says it is allowed.
    let last = '';
    return pollFor(async () => {
      const page = await this.context.newPage();
      try {
        await page.goto(`${this.extensionOrigin}/privacy.html`);
        return await page.evaluate(async (u) => {
          const chrome = (globalThis as unknown as { chrome: Api }).chrome;
          if (!(await chrome.extension.isAllowedIncognitoAccess())) return undefined;
          return (await chrome.windows.create({ incognito: true, url: u })).tabs?.[0]?.id;
        }, url);
      } catch (e) {
        last = e instanceof Error ? e.message : String(e);
        return undefined;
      } finally {
        await page.close().catch(() => undefined);
      }
    }, () => `an incognito window opened by the extension (last: ${last || 'not allowed in incognito yet'})`);
  }

  async setHostAccess(pattern: string, granted: boolean): Promise<void> {
    const page = await this.context.newPage();
    try {
      await page.goto(`chrome://extensions/?id=${this.extensionId}`);
      await page.evaluate(
        async ({ id, host, add }) => {
          interface DeveloperPrivate { addHostPermission(id: string, host: string): Promise<void>; removeHostPermission(id: string, host: string): Promise<void> }
          const api = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome.developerPrivate;
          await (add ? api.addHostPermission(id, host) : api.removeHostPermission(id, host));
        },
        { id: this.extensionId, host: pattern, add: granted },
      );
      // What the extension itself now sees.
      const worker = await this.serviceWorker();
      const now = await worker.evaluate(
        (origin) => (globalThis as unknown as { chrome: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } } }).chrome.permissions.contains({ origins: [origin] }),
        pattern,
      );
      // Chromium's site access settings only withhold and restore the manifest's host_permissions: a pattern that
      // is only optional cannot be granted there (the extension itself must ask), so say so rather than pass silently.
      if (now !== granted) throw new Error(`Chromium's extension settings cannot ${granted ? 'grant' : 'remove'} ${pattern}: it is not one of the manifest's host_permissions`);
    } finally {
      await page.close();
    }
  }

  async readClipboard(page: E2EPage): Promise<string> {
    await this.context.grantPermissions(['clipboard-read'], { origin: new URL(await page.url()).origin });
    return page.evaluate(() => navigator.clipboard.readText());
  }

  async stopBackground(): Promise<void> {
    await this.#withServiceWorkerDomain(async (session, statusIs) => {
      const stopped = statusIs('stopped');
      await session.send('ServiceWorker.stopAllWorkers');
      await stopped;
    });
  }

  async restartBackground(): Promise<void> {
    await this.stopBackground();
    await this.serviceWorker();
  }

  async close(): Promise<void> {
    await this.#closePopup();
    await this.context.close();
    await rm(this.profileDir, { recursive: true, force: true });
  }

  #browser(): Browser {
    const browser = this.context.browser();
    if (!browser) throw new Error('Playwright gave the persistent context no browser');
    return browser;
  }

  async #debuggingPort(): Promise<string> {
    const [port] = (await readFile(path.join(this.profileDir, 'DevToolsActivePort'), 'utf8')).split('\n');
    if (!port) throw new Error('Chromium wrote no DevToolsActivePort');
    return port;
  }

  async #closePopup(): Promise<void> {
    if (!this.#popup) return;
    const { connection, page } = this.#popup;
    this.#popup = null;
    await page.close().catch(() => undefined);
    await connection.close().catch(() => undefined);
  }

  /**
   * The extension opens a page of its own on install. Waiting for it here keeps it from taking focus in the
   * middle of a spec (the real popup belongs to whichever tab has focus).
   */
  async #settleInstallPage(): Promise<void> {
    await pollFor(
      () => Promise.resolve(this.context.pages().some((p) => p.url().startsWith(this.extensionOrigin)) || undefined),
      () => 'an install-time extension page',
      INSTALL_PAGE_WAIT_MS,
    ).catch(() => undefined);
  }

  /**
   * Runs `fn` with the CDP ServiceWorker domain enabled on the driver tab. `statusIs(s)` resolves once the
   * extension's worker reports `s` (at once if it already is); Playwright's own Worker events miss stops.
   */
  async #withServiceWorkerDomain(fn: (session: CDPSession, statusIs: (s: RunningStatus) => Promise<void>) => Promise<void>): Promise<void> {
    const session = await this.context.newCDPSession(this.driverPage);
    const scope = `${this.extensionOrigin}/`;
    let current: RunningStatus | undefined;
    const waiters: { status: RunningStatus; resolve: () => void }[] = [];
    session.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: WorkerVersion[] }) => {
      for (const v of versions) {
        if (!v.scriptURL.startsWith(scope)) continue;
        current = v.runningStatus;
        for (const w of waiters.filter((w) => w.status === current)) w.resolve();
      }
    });
    const statusIs = (status: RunningStatus) =>
      withTimeout(
        new Promise<void>((resolve) => (current === status ? resolve() : waiters.push({ status, resolve }))),
        `the service worker to be ${status}`,
      );
    try {
      await session.send('ServiceWorker.enable');
      await fn(session, statusIs);
    } finally {
      await session.detach().catch(() => undefined);
    }
  }
}

/** A message's text and its arguments as JSON (an argument that cannot be read back is described as such). */
async function serialiseConsole(msg: ConsoleMessage): Promise<string> {
  const args = await Promise.all(msg.args().map((a) => a.jsonValue().then((v: unknown) => JSON.stringify(v), () => '(unreadable)')));
  return [`${msg.type()}: ${msg.text()}`, ...args].join(' ');
}

/** The Playwright page behind a page this harness opened in Chromium, for Chromium-only checks (axe, keyboard, media). */
export function playwrightPageOf(page: E2EPage): Page {
  if (!(page instanceof PlaywrightPage)) throw new Error('Not a page of the Chromium harness');
  return page.raw;
}

/** `ru` → `ru_RU.UTF-8`, `pt-BR` → `pt_BR.UTF-8`. */
function posixLocale(lang: string): string {
  const [language = lang, region = language] = lang.split(/[-_]/);
  return `${language.toLowerCase()}_${region.toUpperCase()}.UTF-8`;
}

function isExtensionWorker(w: Worker): boolean {
  return w.url().startsWith('chrome-extension://');
}

/** The page of a CDP connection that is this target. */
async function pageWithTarget(connection: Browser, targetId: string): Promise<Page> {
  for (const page of connection.contexts().flatMap((c) => c.pages())) {
    const session = await page.context().newCDPSession(page);
    const { targetInfo } = (await session.send('Target.getTargetInfo')) as { targetInfo: TargetInfo };
    await session.detach();
    if (targetInfo.targetId === targetId) return page;
  }
  throw new Error(`No page for the popup target ${targetId}`);
}
