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
