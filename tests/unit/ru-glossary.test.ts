import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMessagesText } from '@wxt-dev/i18n/build';

/**
 * Russian as ONLYOFFICE writes it (locales/glossary.ru.md, whose JSON block holds the rules): every string of locales/ru.yml and the store
 * listing (store/ru.json: name, summary, description) uses the glossary's terms, never a banned variant, and
 * Russian typography: U+00A0 before an em dash, no spaced en dash used as a dash, and U+00A0 between a number or
 * $n and its unit or noun (or a label such as «HTTP» and its number).
 *
 * RU_GLOSSARY_ONLY narrows the check while the other blocks are being rewritten, e.g.
 *   RU_GLOSSARY_ONLY=common,enrolment,!common.appName,!store npx vitest run --project unit tests/unit/ru-glossary.test.ts
 * (dotted key prefixes; «!prefix» leaves one out; «!store» skips the store listing). Unset, it checks everything.
 */
const root = join(import.meta.dirname, '../..');

interface BannedRule {
  id: string;
  pattern: string;
  use: string;
  bad: string[];
  exceptBlocks?: string[];
}
interface Glossary {
  banned: BannedRule[];
  typography: { unitsAfter: string[]; labelsBefore: string[] };
}

/** The one ```json block of locales/glossary.ru.md (not a .json file: WXT builds every JSON/YAML file in locales/ as a locale). */
function readGlossary(): Glossary {
  const md = readFileSync(join(root, 'locales/glossary.ru.md'), 'utf8');
  const blocks = [...md.matchAll(/^```json\n([\s\S]*?)^```$/gm)];
  if (blocks.length !== 1) throw new Error(`locales/glossary.ru.md: expected one \`\`\`json block, found ${blocks.length}`);
  return JSON.parse(blocks[0]![1]!) as Glossary;
}

const glossary = readGlossary();

const NBSP = '\u00A0';
const NUMBER = String.raw`(?:(?<![\p{L}\d$])\d+(?:[.,]\d+)*|\$[1-9])`;
const unitAfterNumber = new RegExp(`${NUMBER} (?:${glossary.typography.unitsAfter.join('|')})(?!\\p{L})`, 'giu');
const numberAfterLabel = new RegExp(`(?<!\\p{L})(?:${glossary.typography.labelsBefore.join('|')}) (?:\\$[1-9]|/?\\d)`, 'giu');
const rules = glossary.banned.map((r) => ({ ...r, re: new RegExp(r.pattern, 'giu') }));

/** Every problem in one string, as «key: problem in “excerpt”». */
function problemsIn(key: string, text: string): string[] {
  const block = key.split('.')[0] ?? '';
  const found: string[] = [];
  const note = (what: string, match: RegExpMatchArray) => {
    const at = match.index ?? 0;
    const excerpt = text.slice(Math.max(0, at - 15), at + match[0].length + 15).replaceAll(NBSP, '⍽');
    found.push(`${key}: ${what} in “…${excerpt}…”`);
  };
  for (const rule of rules) {
    if (rule.exceptBlocks?.includes(block)) continue;
    for (const m of text.matchAll(rule.re)) note(`banned «${m[0]}» (${rule.id}; use «${rule.use}»)`, m);
  }
  for (const m of text.matchAll(/[ \t\n]—/gu)) note('ordinary space before «—» (use U+00A0)', m);
  for (const m of text.matchAll(/[ \t\n\u00A0]–[ \t\n]/gu)) note('spaced «–» used as a dash (use U+00A0 + «—»)', m);
  for (const m of text.matchAll(unitAfterNumber)) note(`ordinary space in «${m[0]}» (use U+00A0)`, m);
  for (const m of text.matchAll(numberAfterLabel)) note(`ordinary space in «${m[0]}» (use U+00A0)`, m);
  return found;
}

/** RU_GLOSSARY_ONLY: which keys (and whether the store listing) to check. */
function scope(): { checks: (key: string) => boolean; store: boolean } {
  const spec = (process.env.RU_GLOSSARY_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const under = (key: string, prefix: string) => key === prefix || key.startsWith(`${prefix}.`);
  const include = spec.filter((s) => !s.startsWith('!'));
  const exclude = spec.filter((s) => s.startsWith('!')).map((s) => s.slice(1));
  return {
    checks: (key) => (include.length === 0 || include.some((p) => under(key, p))) && !exclude.some((p) => under(key, p)),
    store: !exclude.includes('store') && (include.length === 0 || include.includes('store')),
  };
}

function ruMessages(): [string, string][] {
  const parsed = parseMessagesText(readFileSync(join(root, 'locales/ru.yml'), 'utf8'), 'YAML');
  return parsed.flatMap((m): [string, string][] =>
    m.type === 'simple' && !m.key[0]?.startsWith('@@') ? [[m.key.join('.'), m.message]] : [],
  );
}

describe('Russian glossary and typography', () => {
  it('every glossary rule catches its own bad examples and lets the preferred term through', () => {
    for (const rule of rules) {
      expect(rule.bad.length, rule.id).toBeGreaterThan(0);
      for (const bad of rule.bad) expect(problemsIn('x', bad).join('\n'), `${rule.id}: ${bad}`).toContain(rule.id);
    }
    const good = [
      'Подключите приложение для аутентификации: секретный ключ, 6-значный код, доверенные IP-адреса.',
      `Приложение подключено. Двухфакторная аутентификация отключена. Ключ API. Найти пользователя по имени или email.`,
      `Вход на сайте портала. Войдите на $1 в этом браузере. Завершить все сеансы.`,
      `Шаг${NBSP}$1${NBSP}из${NBSP}$2. Через${NBSP}$1${NBSP}с. 5${NBSP}минут, 82${NBSP}%, HTTP${NBSP}403, IPv4${NBSP}/8.`,
      `$1${NBSP}— не портал. Диапазон 0–32. Убрать $1 из списка. Входит на $1 с файлами cookie.`,
    ];
    for (const text of good) expect(problemsIn('good', text)).toEqual([]);
    expect(problemsIn('x', '$1 — не портал')).toHaveLength(1);
    expect(problemsIn('x', 'текст – текст')).toHaveLength(1);
    expect(problemsIn('x', 'через $1 с.')).toHaveLength(1);
    expect(problemsIn('x', 'Шаг $1 из $2')).toHaveLength(3);
    expect(problemsIn('x', 'HTTP 403, 82 %, 5 минут, 6 цифр, IPv6 /32')).toHaveLength(5);
  });

  it('the session word is allowed for Navixy only', () => {
    expect(problemsIn('navixy.popup.signedOutBody', 'хранит только сессию')).toEqual([]);
    expect(problemsIn('popup.x', 'хранит только сессию')).toHaveLength(1);
  });

  it('locales/ru.yml uses the glossary terms and Russian typography', () => {
    const { checks } = scope();
    const problems = ruMessages()
      .filter(([key]) => checks(key))
      .flatMap(([key, text]) => problemsIn(key, text));
    expect(problems).toEqual([]);
  });

  it('store/ru.json (name, summary, description) uses the glossary terms and Russian typography', () => {
    if (!scope().store) return;
    const store = JSON.parse(readFileSync(join(root, 'store/ru.json'), 'utf8')) as Record<string, unknown>;
    const problems = (['name', 'summary', 'description'] as const).flatMap((field) => {
      const text = store[field];
      return typeof text === 'string' ? problemsIn(`store/ru.json ${field}`, text) : [`store/ru.json: ${field} is missing`];
    });
    expect(problems).toEqual([]);
  });
});
