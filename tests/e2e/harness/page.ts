// What both drivers' pages share: everything that is plain evaluation in the page.
import { pollFor, withTimeout } from './wait';
import type { E2EPage, Role } from './types';

/** What a Playwright page and a Puppeteer page have in common. */
interface DriverPage {
  evaluate: unknown;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

export abstract class BasePage<Raw extends DriverPage> implements E2EPage {
  constructor(readonly raw: Raw) {}

  abstract url(): Promise<string>;
  abstract click(role: Role, name: string): Promise<void>;
  abstract fill(label: string, value: string): Promise<void>;
  abstract text(role: Role, name?: string): Promise<string>;

  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    // Both drivers' typings unwrap element handles; specs pass plain serialisable values.
    const run = (this.raw.evaluate as (f: typeof fn, a?: A) => Promise<R>).bind(this.raw);
    return run(fn, arg);
  }

  bringToFront(): Promise<void> {
    return this.raw.bringToFront();
  }

  /**
   * Bounded: a close that never settles (seen once in Chromium under load, after the page had done its work)
   * must not eat the hook's whole timeout; the browser is closed after the spec anyway.
   */
  close(): Promise<void> {
    return withTimeout(this.raw.close(), 'a page to close', 15_000);
  }

  /** The page's text as a reader sees it: without the FSI/PDI isolates around right-to-left portal text. */
  bodyText(): Promise<string> {
    return this.evaluate(() => (document.body?.innerText ?? '').replace(/[\u2068\u2069]/g, ''));
  }

  isBusy(): Promise<boolean> {
    return this.evaluate(() => document.querySelector('[aria-busy="true"]') !== null);
  }

  async waitForText(text: string, timeoutMs?: number): Promise<void> {
    let seen = '';
    let unreadable = '';
    await pollFor(
      async () => {
        try {
          seen = await this.bodyText();
          unreadable = '';
        } catch (e) {
          // A navigation can destroy the context mid-poll; the next round reads the new document.
          unreadable = e instanceof Error ? e.message.split('\n')[0]! : String(e);
        }
        return seen.includes(text) ? true : undefined;
      },
      async () =>
        `text ${JSON.stringify(text)} on ${await this.url().catch(() => '?')}.\nThe page said:\n${seen || '(nothing)'}` +
        (unreadable ? `\n(the last read failed: ${unreadable})` : ''),
      timeoutMs,
    );
  }
}
