import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RESPONSE_PROPERTIES } from '../properties/responses';
import { FAULT_KINDS } from '../portal/faults';
import { HOSTILE_STRINGS, hostileLinks } from '../fixtures/hostile';

/** The README's testing section states how much is tested; these keep its numbers true. */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const testing = readme.slice(readme.indexOf('## Testing'), readme.indexOf('## Development'));

const stated = (what: string): number => {
  const m = new RegExp(`(\\d+) ${what}`).exec(testing);
  if (!m) throw new Error(`README's testing section does not state the number of ${what}`);
  return Number(m[1]);
};

describe('README testing counts', () => {
  it.each([
    ['properties', RESPONSE_PROPERTIES.length],
    ['fault modes', FAULT_KINDS.length],
    ['hostile strings', HOSTILE_STRINGS.length],
    ['hostile links', hostileLinks('https://docs.example.com', 'https://docs.example.com/confirm/TfaActivation').length],
  ])('%s: %i', (what, actual) => {
    expect(stated(what)).toBe(actual);
  });
});
