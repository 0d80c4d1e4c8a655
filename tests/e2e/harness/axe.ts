// axe-core in a page of the Chromium harness. The source is evaluated through the driver (CDP), which the
// extension pages' CSP (`script-src 'self'`) does not govern; axe is never part of the extension.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type ColorScheme = 'light' | 'dark';

/** One violation as a line a failing assertion can show: rule, impact, and each offending node with why. */
export type AxeFinding = string;

interface AxeGlobal {
  axe?: {
    run(context: Document, options: object): Promise<{
      violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
    }>;
  };
}

/** axe's violations on the page as it is now, in one colour scheme (all rules axe runs by default). */
export async function axeViolations(page: Page, scheme: ColorScheme): Promise<AxeFinding[]> {
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const { axe } = globalThis as unknown as AxeGlobal;
    if (!axe) throw new Error('axe-core did not load');
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact ?? '?'}): ${v.help} | ${n.target.join(' ')} | ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
    );
  });
}

/** Violations in light and in dark, keyed by scheme (both empty when the page passes). */
export async function axeBothSchemes(page: Page): Promise<Record<ColorScheme, AxeFinding[]>> {
  const light = await axeViolations(page, 'light');
  const dark = await axeViolations(page, 'dark');
  await page.emulateMedia({ colorScheme: null, reducedMotion: null });
  return { light, dark };
}
