import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A static check of the extension's own sources (lib/, components/, entrypoints/ and
 * wxt.config.ts): no HTML sinks, no string evaluation, no remote code. ESLint forbids the
 * common spellings; this also catches what a lint-disable comment or a computed member would hide.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIRS = ['lib', 'components', 'entrypoints'];

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|html|css)$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

const FILES = [...DIRS.flatMap(filesUnder), 'wxt.config.ts'];

/** Each pattern with a snippet it must catch, so a broken pattern cannot pass silently. */
const FORBIDDEN: [string, RegExp, string][] = [
  ['innerHTML', /innerHTML/, 'el.innerHTML = name'],
  ['outerHTML', /outerHTML/, "el['outerHTML'] = x"],
  ['insertAdjacentHTML', /insertAdjacentHTML/, 'el.insertAdjacentHTML("beforeend", x)'],
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/, '<p dangerouslySetInnerHTML={{ __html: x }} />'],
  ['document.write', /document\s*\.\s*write(ln)?\b|\[\s*['"]write(ln)?['"]\s*\]/, 'document.write(x)'],
  ['srcdoc', /srcdoc/i, '<iframe srcDoc={x} />'],
  ['createContextualFragment / DOMParser', /createContextualFragment|DOMParser/, 'new DOMParser().parseFromString(x, "text/html")'],
  ['eval', /(^|[^\w.])eval\s*\(/, 'const y = eval(x)'],
  ['new Function / Function()', /(^|[^\w.])(new\s+)?Function\s*\(/, 'new Function("return 1")'],
  ['string timers', /set(Timeout|Interval)\s*\(\s*['"`]/, "setTimeout('alert(1)', 10)"],
  ['remote import', /import\s*\(\s*['"`](https?:)?\/\//, "await import('https://cdn.example/x.js')"],
  ['remote script', /<script[^>]*\bsrc\s*=\s*['"]?(https?:)?\/\//i, '<script src="https://cdn.example/x.js"></script>'],
  ['importScripts', /importScripts\s*\(/, "importScripts('x.js')"],
  ['remote stylesheet or font', /@import\s+(url\()?['"]?(https?:)?\/\/|url\(\s*['"]?(https?:)?\/\//i, "@import url('https://fonts.example/x.css');"],
  ['javascript: URL', /['"`]javascript:/i, 'href="javascript:void(0)"'],
  ['unsafe CSP source', /unsafe-(eval|inline|hashes)|wasm-unsafe-eval/, "script-src 'self' 'unsafe-eval'"],
];

describe('the patterns catch what they are meant to', () => {
  it.each(FORBIDDEN)('%s', (_name, pattern, sample) => {
    expect(sample).toMatch(pattern);
  });
});

describe('no HTML sinks, string evaluation or remote code in the sources', () => {
  it('scans a real set of files', () => {
    expect(FILES.length).toBeGreaterThan(40);
    expect(FILES).toEqual(expect.arrayContaining(['components/ErrorNotice.tsx', 'entrypoints/popup/index.html', 'lib/providers/docspace/http.ts', 'lib/providers/navixy/views/NavixyUsersView.tsx']));
  });

  it.each(FORBIDDEN)('%s appears nowhere', (name, pattern) => {
    const hits = FILES.flatMap((file) =>
      readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits, `${name} found`).toEqual([]);
  });

  it('every page loads only its own module script', () => {
    const pages = FILES.filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      const html = readFileSync(path.join(ROOT, page), 'utf8');
      const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
      expect(scripts.length, page).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, page).toMatch(/src="\.\/[\w-]+\.tsx?"/);
      expect(html, page).not.toMatch(/<script\b[^>]*>[^<\s]/i); // no inline script body
      expect(html, page).not.toMatch(/\son[a-z]+\s*=/i); // no inline handlers
    }
  });
});

/**
 * Fact sheet §11.1: the portal translates its error messages (32 languages), so what an error means is decided
 * from the endpoint, the status and `error.type`, never from words. A message is only ever shown.
 */
describe('no decision is made from the words of a message', () => {
  const READS_WORDS = /\.test\(\s*[\w.?]*message\b|\bmessage\??\.(includes|match|matchAll|startsWith|endsWith|search|indexOf|toLowerCase)\s*\(|\bmessage\s*[!=]==?\s*['"`]|['"`]\s*[!=]==?\s*[\w.?]*message\b/;

  it.each([
    "if (/too many/i.test(message)) return",
    "if (/no setup/i.test(error.message)) return",
    "error.message.includes('Incorrect code')",
    "message?.startsWith('Not available')",
    "if (body.error.message === 'Access denied')",
    "'Access denied' === error.message",
  ])('the pattern catches %s', (sample) => {
    expect(sample).toMatch(READS_WORDS);
  });

  it('in lib/, components/ and entrypoints/', () => {
    const hits = FILES.filter((f) => /\.tsx?$/.test(f)).flatMap((file) =>
      readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (READS_WORDS.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });
});
