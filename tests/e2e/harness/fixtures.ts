// The set-up every end-to-end spec shares, written once as vitest fixtures (test.extend, as Playwright's are):
//
//   const test = e2eTest;                                   // or e2eTest.extend({ …the spec's own fixtures… })
//   describe.each(selectedBrowsers())('%s popup', (browserName) => {
//     test.override({ browserName });                       // the block's browser (launchOptions, portalOptions…: the same way)
//     test('…', async ({ browser, portal, opened }) => { … });
//   });
//
// - browser: the built test extension in `browserName` (launchBrowser(browserName, launchOptions));
//   portal: the emulated DocSpace portal (startPortal(portalOptions)); panel: the emulated Navixy panel
//   (startNavixyPanel(panelOptions)). Each starts at the first test of its block that asks for it and serves every
//   test of the block, as the specs' beforeAll did: one browser per block, so once per browser and file.
// - A block is a top-level describe (one per browser under describe.each). Its browser is closed, then its portal
//   and panel, when the next block's first fixture is asked for and when the file ends (the file-scoped `blocks`):
//   one browser runs at a time.
// - opened: pages a test opened (`opened.push(page)`, or `track(page)`, which returns it), closed after that test.
// - Nothing is reset between tests: a spec that wants a fresh portal per test says so,
//   `test.beforeEach(({ portal }) => portal.reset())`.
import { test as base } from 'vitest';
import { launchBrowser, type BrowserName, type E2EBrowser, type E2EPage, type LaunchOptions } from './index';
import { startPortal, type PortalOptions, type RunningPortal } from '../../portal/server';
import { startNavixyPanel, type NavixyPanelOptions, type RunningNavixyPanel } from '../../navixy/server';

/** What one block (a top-level describe) has started; each part on first use. */
class Block {
  #browser?: Promise<E2EBrowser>;
  #portal?: Promise<RunningPortal>;
  #panel?: Promise<RunningNavixyPanel>;

  constructor(readonly id: string) {}

  browser(name: BrowserName, options: LaunchOptions): Promise<E2EBrowser> {
    return (this.#browser ??= launchBrowser(name, options));
  }

  portal(options: PortalOptions): Promise<RunningPortal> {
    return (this.#portal ??= startPortal(options));
  }

  panel(options: NavixyPanelOptions): Promise<RunningNavixyPanel> {
    return (this.#panel ??= startNavixyPanel(options));
  }

  /** The browser first, then the emulators (what failed to start has nothing to close). */
  async close(): Promise<void> {
    const started = <T>(p: Promise<T> | undefined) => p?.catch(() => undefined);
    await (await started(this.#browser))?.close();
    await Promise.all([(await started(this.#portal))?.close(), (await started(this.#panel))?.close()]);
  }
}

/** The file's blocks, one at a time: asking for another block's closes the current one. */
class Blocks {
  #current: Block | null = null;

  async of(id: string): Promise<Block> {
    if (this.#current?.id !== id) {
      await this.close();
      this.#current = new Block(id);
    }
    return this.#current;
  }

  async close(): Promise<void> {
    const block = this.#current;
    this.#current = null;
    await block?.close();
  }
}

interface Task {
  suite?: Suite;
  file: Suite;
}
interface Suite {
  id: string;
  suite?: Suite;
  file?: Suite;
}

/** The top-level describe a test is in (the file itself for a test outside any describe). */
function blockIdOf(task: Task): string {
  let suite = task.suite ?? task.file;
  while (suite.suite && suite.suite !== suite.file) suite = suite.suite;
  return suite.id;
}

export interface E2EFixtures {
  /** The block's browser: `test.override({ browserName })` in each describe of describe.each(selectedBrowsers()). */
  browserName: BrowserName;
  /** How the block's browser starts (language, https); default English over http. */
  launchOptions: LaunchOptions;
  portalOptions: PortalOptions;
  panelOptions: NavixyPanelOptions;
  browser: E2EBrowser;
  portal: RunningPortal;
  panel: RunningNavixyPanel;
  /** Pages this test opened; each is closed after the test. */
  opened: E2EPage[];
  /** Adds a page to `opened` and returns it. */
  track: <P extends E2EPage>(page: P) => P;
}

export const e2eTest = base.extend<{ $file: { blocks: Blocks }; $test: E2EFixtures }>({
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from its first parameter's pattern
  blocks: [async ({}, use) => {
    const blocks = new Blocks();
    await use(blocks);
    await blocks.close();
  }, { scope: 'file' }],
  // eslint-disable-next-line no-empty-pattern
  browserName: async ({}) => {
    throw new Error('No browser for this block: call test.override({ browserName }) in its describe (describe.each(selectedBrowsers())).');
  },
  launchOptions: {},
  portalOptions: {},
  panelOptions: {},
  browser: async ({ blocks, task, browserName, launchOptions }, use) => {
    await use(await (await blocks.of(blockIdOf(task))).browser(browserName, launchOptions));
  },
  portal: async ({ blocks, task, portalOptions }, use) => {
    await use(await (await blocks.of(blockIdOf(task))).portal(portalOptions));
  },
  panel: async ({ blocks, task, panelOptions }, use) => {
    await use(await (await blocks.of(blockIdOf(task))).panel(panelOptions));
  },
  // eslint-disable-next-line no-empty-pattern
  opened: async ({}, use) => {
    const opened: E2EPage[] = [];
    await use(opened);
    for (const p of opened.splice(0)) await p.close().catch(() => undefined);
  },
  track: async ({ opened }, use) => {
    await use((page) => {
      opened.push(page);
      return page;
    });
  },
});
