// Sizes of what each extension page loads: the HTML, its scripts and styles, and
// every chunk those scripts import statically, raw and gzip (level 9).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize { files: string[]; raw: number; gzip: number }

function references(file: string, text: string): string[] {
  const out: string[] = [];
  if (file.endsWith('.html')) {
    for (const m of text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)) out.push(m[1]!);
  } else if (file.endsWith('.js')) {
    for (const m of text.matchAll(/(?:from\s*|import\s*)["']([^"']+\.js)["']/g)) out.push(m[1]!);
  }
  return out;
}

/**
 * Everything `entry` (e.g. `popup.html`, `background.js`) pulls in at load time, plus what each of `lazy`
 * pulls in: chunks the page imports dynamically as it starts (named by their file-name prefix, e.g. `App-`).
 */
export function bundleSize(buildDir: string, entry: string, lazy: string[] = []): BundleSize {
  const seen = new Set<string>();
  const chunks = existsSync(join(buildDir, 'chunks')) ? readdirSync(join(buildDir, 'chunks')) : [];
  const lazyFiles = lazy.map((prefix) => {
    const file = chunks.find((f) => f.startsWith(prefix) && f.endsWith('.js'));
    if (!file) throw new Error(`no chunk ${prefix}*.js in ${buildDir}/chunks`);
    return `chunks/${file}`;
  });
  const assets = existsSync(join(buildDir, 'assets')) ? readdirSync(join(buildDir, 'assets')) : [];
  const queue = [entry, ...lazyFiles];
  let raw = 0;
  let gzip = 0;
  while (queue.length) {
    const rel = queue.shift()!;
    if (seen.has(rel)) continue;
    seen.add(rel);
    const path = join(buildDir, rel);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    for (const ref of references(rel, bytes.toString('utf8'))) {
      queue.push(ref.startsWith('/') ? ref.slice(1) : normalize(join(dirname(rel), ref)));
    }
    queue.push(...ownCss(rel, chunks, assets));
  }
  return { files: [...seen], raw, gzip };
}

/**
 * The CSS a chunk brings when it is imported (Vite emits it as `assets/<chunk name>-<hash>.css` and the importer
 * loads it with the chunk): counted with the chunk, or a page's styles loaded beside a chunk would go unmeasured.
 * Matched by name, only where one chunk has that name (names are the chunk's first module's).
 */
function ownCss(rel: string, chunks: string[], assets: string[]): string[] {
  const m = /^chunks\/(.+)-[\w-]{8}\.js$/.exec(rel);
  if (!m) return [];
  const name = m[1]!;
  const same = (f: string, ext: string) => f.endsWith(ext) && f.slice(0, -ext.length).replace(/-[\w-]{8}$/, '') === name;
  if (chunks.filter((f) => same(f, '.js')).length !== 1) return [];
  return assets.filter((f) => same(f, '.css')).map((f) => `assets/${f}`);
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
