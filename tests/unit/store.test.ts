import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageFor } from '../support/locale-catalogs';

/**
 * The store listing texts (store/*.json): the stores' limits, what the listing must say (unofficial, no codes
 * generated, requirements, links), Navixy only near the end, and the same content in both languages.
 */
const root = path.resolve(import.meta.dirname, '../..');
interface Listing {
  name: string;
  summary: string;
  description: string;
  screenshots: { file: string; caption: string }[];
  promoTile: { file: string; tagline: string };
}
const listing = (lang: string) => JSON.parse(readFileSync(path.join(root, `store/${lang}.json`), 'utf8')) as Listing;
const LANGS = ['en', 'ru'] as const;
const paragraphs = (l: Listing) => l.description.split('\n\n');

/** Per language: the words each rule looks for. */
const WORDS = {
  en: {
    unofficial: /unofficial/i,
    disclaimer: 'Not affiliated with or endorsed by Ascensio System SIA (ONLYOFFICE).',
    noCodes: 'does not generate codes; keep using your authenticator app',
    requirements: 'Requirements',
    search: [/2FA/, /two-factor/i, /authenticator/i],
    links: 'Support, source and changelog',
  },
  ru: {
    unofficial: /неофициальн/i,
    disclaimer: 'не связано с\u00a0Ascensio System SIA (ONLYOFFICE) и\u00a0не одобрено ею.',
    noCodes: 'не создаёт коды: продолжайте пользоваться своим приложением для аутентификации',
    requirements: 'Требования',
    search: [/2FA/, /двухфакторн/i, /приложени/i],
    links: 'Поддержка, исходный код и\u00a0список изменений',
  },
} as const;

describe.each(LANGS)('store listing (%s)', (lang) => {
  const l = listing(lang);
  const w = WORDS[lang];

  it('has a name, a summary, a description, screenshot captions and the promo tile', () => {
    expect(Object.keys(l).sort()).toEqual(['description', 'name', 'promoTile', 'screenshots', 'summary']);
  });

  it('fits the stores: a name of at most 50 characters (addons.mozilla.org), a summary of at most 132 (Chrome Web Store), a description under 16,000', () => {
    expect(l.name.length).toBeLessThanOrEqual(50);
    expect(l.summary.length).toBeGreaterThan(40);
    expect(l.summary.length).toBeLessThanOrEqual(132);
    expect(l.description.length).toBeGreaterThan(500);
    expect(l.description.length).toBeLessThan(16_000);
    for (const s of l.screenshots) expect(s.caption.length, s.file).toBeLessThanOrEqual(80);
  });

  it('says in the name, the summary and the opening that it is an unofficial companion for ONLYOFFICE DocSpace', () => {
    for (const text of [l.name, l.summary, paragraphs(l)[0]!]) {
      expect(text).toMatch(w.unofficial);
      expect(text).toContain('ONLYOFFICE DocSpace');
    }
    expect(paragraphs(l)[0]).toContain(w.disclaimer);
    expect(`${l.name} ${l.summary} ${l.description}`).not.toMatch(/\bTFA\b/);
  });

  it('uses the words people search for in the summary: 2FA, two-factor, authenticator', () => {
    for (const word of w.search) expect(l.summary).toMatch(word);
  });

  it('says plainly that it does not generate codes', () => {
    expect(l.description).toContain(w.noCodes);
  });

  it('leads with what the portal does not give, then states requirements: DocSpace versions, https, sign-in or API key, browser versions', () => {
    expect(paragraphs(l)[1]!.split('\n').length).toBeGreaterThanOrEqual(4);
    const req = paragraphs(l).find((p) => p.startsWith(w.requirements));
    expect(req).toBeDefined();
    expect(req).toMatch(/DocSpace[ \u00a0]3\.5, 3\.6 (or|или)[ \u00a0]3\.7/);
    expect(req).toContain('https');
    expect(req).toMatch(/API/);
    expect(req).toMatch(/«?(Read|Чтение)»?|“Read”/);
    expect(req).toContain('3.7.1');
    expect(req).toMatch(/Chromium 156/);
    expect(req).toMatch(/Firefox 140/);
    expect(req).toMatch(/ESR 140 (and|и)\s153/);
  });

  it('links support, source, changelog and the privacy policy', () => {
    const links = paragraphs(l).find((p) => p.startsWith(w.links));
    expect(links).toBeDefined();
    const urls = [...links!.matchAll(/\{\{repository\}\}(\S*)/g)].map((m) => m[1]);
    expect(urls).toEqual(['/issues', '', '/blob/main/CHANGELOG.md', '/blob/main/PRIVACY.md']);
    // Only the one placeholder, which store/README.md says to replace before uploading.
    expect([...l.description.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1])).toEqual(Array(4).fill('repository'));
  });

  it('mentions Navixy in one line near the end only, never in the name or summary', () => {
    expect(`${l.name} ${l.summary}`).not.toMatch(/Navixy/);
    const lines = l.description.split('\n');
    const navixy = lines.map((line, i) => [line, i] as const).filter(([line]) => /Navixy/.test(line));
    expect(navixy).toHaveLength(1);
    expect(navixy[0]![1] / lines.length).toBeGreaterThan(0.75);
    expect(l.description.indexOf('Navixy') / l.description.length).toBeGreaterThan(0.75);
  });

  it('is the name and description the manifest gets (locales), and the UI mark is “2FA Companion”', () => {
    expect(messageFor(lang, 'manifest.name')).toBe(l.name);
    expect(messageFor(lang, 'manifest.description')).toBe(l.summary);
    expect(messageFor(lang, 'common.appName')).toBe('2FA Companion');
  });

  it('claims nothing the privacy policy does not: no analytics, access per site', () => {
    const policy = readFileSync(path.join(root, 'PRIVACY.md'), 'utf8');
    expect(policy).toContain('no analytics');
    expect(policy).toContain('never asks for access to all sites');
  });
});

it('the English name is the one the team chose, 50 characters', () => {
  expect(listing('en').name).toBe('2FA Companion for ONLYOFFICE DocSpace (unofficial)');
});

it('both languages list the same features (one bullet each), the same sections and the same screenshots', () => {
  const bullets = (l: Listing) => l.description.split('\n').filter((line) => line.startsWith('• ')).length;
  expect(bullets(listing('ru'))).toBe(bullets(listing('en')));
  expect(paragraphs(listing('ru')).length).toBe(paragraphs(listing('en')).length);
  expect(listing('ru').screenshots.map((s) => s.file)).toEqual(listing('en').screenshots.map((s) => s.file));
  expect(listing('ru').promoTile.file).toBe(listing('en').promoTile.file);
});
