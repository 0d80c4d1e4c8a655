import { browser } from 'wxt/browser';
import type { GeneratedI18nStructure } from '#i18n';
import { logWarning } from '../log';

/**
 * The one place that reads UI strings. The source of truth is locales/<lang>.yml;
 * @wxt-dev/i18n compiles it to _locales/<lang>/messages.json and generates the key types,
 * and the browser picks the file for its UI language, falling back to English (default_locale).
 *
 * browser.i18n has no plural rules beyond 0/1/n, so plurals are maps of CLDR categories
 * (one, few, many, other) that `plural` selects with Intl.PluralRules of the language the
 * messages are in. Dates, times and numbers are formatted with Intl for that language.
 */

type Structure = GeneratedI18nStructure;
type Key = keyof Structure & string;
export type PluralCategory = Intl.LDMLPluralRule;

/** Keys of plain messages (not plural forms, not the browser's predefined @@ messages). */
export type MessageKey = Exclude<Key, `${string}.${PluralCategory}` | `@@${string}`>;
/** A plural is named by the key its forms share; every locale has at least the `other` form. */
export type PluralKey = Key extends infer K ? (K extends `${infer B}.other` ? B : never) : never;

type S = string;
/** Substitutions by count; a plural's $1 is its count, so its callers pass one fewer. */
type Strings = [[], [S], [S, S], [S, S, S], [S, S, S, S], [S, S, S, S, S], [S, S, S, S, S, S], [S, S, S, S, S, S, S], [S, S, S, S, S, S, S, S], [S, S, S, S, S, S, S, S, S]];
type AfterCount = [[], [], [S], [S, S], [S, S, S], [S, S, S, S], [S, S, S, S, S], [S, S, S, S, S, S], [S, S, S, S, S, S, S], [S, S, S, S, S, S, S, S]];
type SubsOf<K extends Key> = Strings[Structure[K]['substitutions']];
type PluralSubsOf<B extends PluralKey> = AfterCount[Structure[`${B}.other` & Key]['substitutions']];
const getMessage = (name: string, subs: string[]): string => (browser.i18n.getMessage as (name: string, subs: string[]) => string)(name, subs);

function read(key: string, subs: readonly string[]): string {
  try {
    return getMessage(key.replaceAll('.', '_'), [...subs]);
  } catch {
    return '';
  }
}

/** A message with its substitutions ($1…$9). A missing message shows its key, never a blank. */
export function t<K extends MessageKey>(key: K, ...subs: SubsOf<K>): string {
  const text = read(key, subs);
  if (!text) {
    logWarning('i18n.missing', { message: key });
    return key;
  }
  return text;
}

/**
 * The language the messages are in (`meta.locale` of the file the browser chose), so that
 * plural rules and Intl formats match the words around them. The browser's full UI tag
 * (en-GB, ru-RU) is kept when it is a variant of that language, for its date conventions.
 */
export function locale(): string {
  const language = read('meta.locale', []) || 'en';
  try {
    const variant = browser.i18n.getUILanguage().replaceAll('_', '-');
    return variant.toLowerCase().split('-')[0] === language && Intl.DateTimeFormat.supportedLocalesOf(variant).length ? variant : language;
  } catch {
    // No UI language, or a tag Intl rejects: the language of the messages is enough.
    return language;
  }
}

/** The plural form for `n` in the current language; $1 is `n` formatted, then the other substitutions. */
export function plural<B extends PluralKey>(base: B, n: number, ...subs: PluralSubsOf<B>): string {
  const category = new Intl.PluralRules(locale()).select(n);
  const all: string[] = [formatNumber(n), ...subs];
  const text = read(`${base}.${category}`, all) || read(`${base}.other`, all);
  if (!text) {
    logWarning('i18n.missing', { message: `${base}.${category}` });
    return `${base} ${n}`;
  }
  return text;
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locale()).format(n);
}

/** "a", "a and b", "a, b and c" in the current language. */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).format(items);
}

/** A long date for people: "7 May 2026", "7 мая 2026 г.". */
export function formatDate(date: Date): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long' }).format(date);
}

/** A time of day, "10:42" / "10:42 AM", in the UI language. */
export function formatTime(date: Date): string {
  return new Intl.DateTimeFormat(locale(), { timeStyle: 'short' }).format(date);
}

/** YYYY-MM-DD of the local calendar day, for file names (sortable in every language). */
export function formatFileDate(date: Date): string {
  const parts = new Intl.DateTimeFormat(locale(), { year: 'numeric', month: '2-digit', day: '2-digit', calendar: 'gregory', numberingSystem: 'latn' }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** "2 minutes ago", "3 часа назад"; null under a minute (the caller says "just now"). */
export function formatAgo(ms: number): string | null {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return null;
  const format = new Intl.RelativeTimeFormat(locale(), { numeric: 'always', style: 'long' });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return format.format(-hours, 'hour');
  return format.format(-Math.floor(hours / 24), 'day');
}

/** A short wait for sentences: "45 sec", "2 min, 5 sec", "2 мин 5 с". */
export function formatWait(totalSeconds: number): string {
  const s = Math.max(0, Math.ceil(totalSeconds));
  const unit = (value: number, name: 'minute' | 'second') =>
    new Intl.NumberFormat(locale(), { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  if (s < 60) return unit(s, 'second');
  return new Intl.ListFormat(locale(), { style: 'narrow', type: 'unit' }).format([unit(Math.floor(s / 60), 'minute'), unit(s % 60, 'second')]);
}

/** The countdown clock "1:05", with the current language's digits. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const lang = locale();
  const minutes = new Intl.NumberFormat(lang).format(Math.floor(s / 60));
  const seconds = new Intl.NumberFormat(lang, { minimumIntegerDigits: 2 }).format(s % 60);
  return `${minutes}:${seconds}`;
}
