import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The provider boundary (lib/providers/README.md): each provider lives in one folder,
 * `lib/providers/<id>/`; the core (everything else under lib/ and components/) never imports a
 * provider or the registry; a provider imports only the core and its own folder; only the
 * registry (`lib/providers/*.ts`) and the entry points (`entrypoints/`) see every provider.
 * Type-only imports count too: a provider's types are its own business.
 */
const root = resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['lib', 'components', 'entrypoints'];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
const files = SOURCE_DIRS.flatMap((d) => walk(join(root, d)));

type Layer = { kind: 'core' } | { kind: 'provider'; id: string } | { kind: 'registry' } | { kind: 'entry' };
function layerOf(file: string): Layer {
  const rel = relative(root, file).split('\\').join('/');
  if (rel.startsWith('entrypoints/')) return { kind: 'entry' };
  const m = /^lib\/providers\/([^/]+)\//.exec(rel);
  if (m) return { kind: 'provider', id: m[1]! };
  if (rel.startsWith('lib/providers/')) return { kind: 'registry' };
  return { kind: 'core' };
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.flatMap((spec) => {
    const base = resolve(dirname(file), spec);
    const hit = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((e) => base + e).find((p) => existsSync(p) && statSync(p).isFile());
    return hit && /\.(ts|tsx|css)$/.test(hit) ? [hit] : [];
  });
}

function allowed(from: Layer, to: Layer): boolean {
  switch (from.kind) {
    case 'entry': return to.kind !== 'entry' || true;
    case 'registry': return to.kind !== 'entry';
    case 'core': return to.kind === 'core';
    case 'provider': return to.kind === 'core' || (to.kind === 'provider' && to.id === from.id);
  }
}

const edges = files.flatMap((f) => importsOf(f).map((to) => ({ from: f, to })));
const show = (e: { from: string; to: string }) => `${relative(root, e.from)} → ${relative(root, e.to)}`;

describe('provider boundary', () => {
  it('finds the providers and their imports', () => {
    const providers = new Set(files.map(layerOf).flatMap((l) => (l.kind === 'provider' ? [l.id] : [])));
    expect([...providers].sort()).toEqual(['docspace', 'navixy']);
    expect(edges.length).toBeGreaterThan(200);
  });

  it('the core never imports a provider or the registry; a provider imports only the core and itself', () => {
    const bad = edges.filter((e) => !allowed(layerOf(e.from), layerOf(e.to))).map(show);
    expect(bad).toEqual([]);
  });

  it('the core and the providers have no import cycle', () => {
    const graph = new Map<string, string[]>();
    for (const e of edges) if (layerOf(e.from).kind !== 'entry') graph.set(e.from, [...(graph.get(e.from) ?? []), e.to]);
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') {
        cycles.push([...path.slice(path.indexOf(node)), node].map((p) => relative(root, p)).join(' → '));
        return;
      }
      state.set(node, 'open');
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, 'done');
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });
});

/**
 * Issue 25 §5: the Navixy folder has DocSpace's layout, no file of it over 300 lines, and both registries list their
 * providers without an `as unknown as` cast (each provider's own types are checked where it is defined).
 */
describe("the providers' own house", () => {
  const lines = (file: string) => readFileSync(file, 'utf8').split('\n').length - 1;
  const navixy = walk(join(root, 'lib/providers/navixy'));

  it('Navixy has background/, components/, views/ and i18n/, like DocSpace', () => {
    for (const id of ['docspace', 'navixy']) {
      for (const dir of ['background', 'components', 'views', 'i18n']) expect(statSync(join(root, 'lib/providers', id, dir)).isDirectory(), `${id}/${dir}`).toBe(true);
    }
    expect(existsSync(join(root, 'lib/providers/navixy/background.ts'))).toBe(false);
    expect(existsSync(join(root, 'lib/providers/navixy/i18n.ts'))).toBe(false);
  });

  it('no file under lib/providers/navixy is over 300 lines', () => {
    expect(navixy.length).toBeGreaterThan(20);
    const long = navixy.map((f) => ({ file: relative(root, f), lines: lines(f) })).filter((f) => f.lines > 300);
    expect(long).toEqual([]);
  });

  it('the registries hold their providers without `as unknown as`', () => {
    for (const file of ['lib/providers/background.ts', 'lib/providers/index.ts']) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).toMatch(/PROVIDERS/);
      expect(text, file).not.toMatch(/as\s+unknown\s+as/);
    }
  });

  it("the Navixy popup loads the popup's strings only, not the options pages'", () => {
    const popup = join(root, 'lib/providers/navixy/views/NavixyPopup.tsx');
    const seen = new Set<string>();
    const queue = [popup];
    while (queue.length) {
      const file = queue.shift()!;
      if (seen.has(file)) continue;
      seen.add(file);
      queue.push(...edges.filter((e) => e.from === file).map((e) => e.to));
    }
    const reached = [...seen].map((f) => relative(root, f).split('\\').join('/'));
    expect(reached).toContain('lib/providers/navixy/i18n/popup.ts');
    expect(reached.filter((f) => /^lib\/providers\/navixy\/i18n\/(index|panels|users)\.ts$/.test(f))).toEqual([]);
  });
});
