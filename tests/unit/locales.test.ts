import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMessagesText } from '@wxt-dev/i18n/build';

/**
 * Every locale is complete: the same messages as English, each plural with exactly the
 * forms its language needs (CLDR, via Intl.PluralRules), the same $1…$9 substitutions,
 * and no message that nothing in the extension uses.
 */
const root = join(import.meta.dirname, '../..');
const localesDir = join(root, 'locales');
const CATEGORIES = new Set<string>(['zero', 'one', 'two', 'few', 'many', 'other']);

interface Catalog {
  /** Plain messages by dotted key. */
  messages: Map<string, string>;
  /** Plurals by the key their forms share: category → text. */
  plurals: Map<string, Map<string, string>>;
}

function catalogOf(lang: string): Catalog {
  const parsed = parseMessagesText(readFileSync(join(localesDir, `${lang}.yml`), 'utf8'), 'YAML');
  const messages = new Map<string, string>();
  const plurals = new Map<string, Map<string, string>>();
  for (const m of parsed) {
    if (m.key[0]?.startsWith('@@')) continue;
    if (m.type !== 'simple') throw new Error(`${lang}: ${m.key.join('.')} is a ${m.type} message; use plain strings and CLDR plural maps`);
    const last = m.key[m.key.length - 1]!;
    const base = m.key.slice(0, -1).join('.');
    if (CATEGORIES.has(last)) {
      const forms = plurals.get(base) ?? new Map<string, string>();
      forms.set(last, m.message);
      plurals.set(base, forms);
    } else {
      messages.set(m.key.join('.'), m.message);
    }
  }
  return { messages, plurals };
}

const langs = readdirSync(localesDir).filter((f) => f.endsWith('.yml')).map((f) => basename(f, '.yml')).sort();
const en = catalogOf('en');
const substitutions = (text: string) => [...new Set(text.replaceAll('$$', '').match(/\$[1-9]/g) ?? [])].sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}
const sources = [...['lib', 'components', 'entrypoints'].flatMap(sourceFiles), join(root, 'wxt.config.ts')]
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');
const referenced = (key: string) => sources.includes(`'${key}'`) || sources.includes(`\`${key}\``) || sources.includes(`__MSG_${key.replaceAll('.', '_')}__`);

describe('locale files', () => {
  it('include English and Russian', () => {
    expect(langs).toEqual(expect.arrayContaining(['en', 'ru']));
  });

  it.each(langs)('%s: names its own language in meta.locale', (lang) => {
    expect(catalogOf(lang).messages.get('meta.locale')).toBe(lang);
  });

  it.each(langs.filter((l) => l !== 'en'))('%s: has every English message and no other', (lang) => {
    const c = catalogOf(lang);
    expect([...c.messages.keys()].sort()).toEqual([...en.messages.keys()].sort());
    expect([...c.plurals.keys()].sort()).toEqual([...en.plurals.keys()].sort());
  });

  it.each(langs)('%s: every plural has exactly the forms of its language', (lang) => {
    const needed = [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort();
    for (const [base, forms] of catalogOf(lang).plurals) {
      expect({ base, forms: [...forms.keys()].sort() }).toEqual({ base, forms: needed });
    }
  });

  it.each(langs)('%s: keeps the substitutions of the English text in every message and plural form, none empty', (lang) => {
    const c = catalogOf(lang);
    for (const [key, text] of c.messages) {
      expect({ key, subs: substitutions(text) }).toEqual({ key, subs: substitutions(en.messages.get(key) ?? '') });
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
    }
    for (const [base, forms] of c.plurals) {
      const english = substitutions([...(en.plurals.get(base)?.values() ?? [])].join(' '));
      for (const [category, text] of forms) expect({ base, category, subs: substitutions(text) }).toEqual({ base, category, subs: english });
    }
  });

  it.each(langs)('%s: manifest name and description fit the stores (75 and 132 characters)', (lang) => {
    const c = catalogOf(lang);
    expect(c.messages.get('manifest.name')!.length).toBeLessThanOrEqual(75);
    expect(c.messages.get('manifest.description')!.length).toBeLessThanOrEqual(132);
  });

  it('has keys the browser accepts, distinct once dots become underscores', () => {
    const names = [...en.messages.keys(), ...[...en.plurals].flatMap(([b, f]) => [...f.keys()].map((c) => `${b}.${c}`))].map((k) => k.replaceAll('.', '_'));
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_]+$/);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it('has no message that the extension does not use', () => {
    const unused = [...en.messages.keys(), ...en.plurals.keys()].filter((key) => !referenced(key));
    expect(unused).toEqual([]);
  });

  it('has every message the manifest names', () => {
    const named = [...sources.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThanOrEqual(3);
    const known = new Set([...en.messages.keys()].map((k) => k.replaceAll('.', '_')));
    expect(named.filter((n) => !known.has(n))).toEqual([]);
  });
});
