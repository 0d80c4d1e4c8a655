// The messages compiled from locales/*.yml by the same @wxt-dev/i18n code as the build, for code that runs
// in Node: the unit tests' fake browser (tests/setup/i18n.ts) and scripts that wait for a page's words in
// whatever language the browser runs in (scripts/screenshots.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';

const dir = join(import.meta.dirname, '../../locales');

/** Chrome message name (`a_b_c`) → message, per locale file name (`en`, `ru`). */
export const catalogs: ReadonlyMap<string, Readonly<Record<string, { message: string }>>> = new Map(
  readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .map((f) => [basename(f, '.yml'), generateChromeMessages(parseMessagesText(readFileSync(join(dir, f), 'utf8'), 'YAML'))]),
);

export function substitute(message: string, subs: readonly string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}

/**
 * A message as the browser would pick it for UI language `lang` (e.g. `ru`, `en-US`), falling back to English
 * like the manifest's default_locale; '' when no locale has it. `key` is the dotted key of the yml files.
 */
export function messageFor(lang: string, key: string, ...subs: string[]): string {
  const ui = lang.replace('-', '_');
  const name = key.replaceAll('.', '_');
  for (const l of [ui, ui.split('_')[0]!, 'en']) {
    const entry = catalogs.get(l)?.[name];
    if (entry) return substitute(entry.message, subs);
  }
  return '';
}
