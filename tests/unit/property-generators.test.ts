import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS, wrongFieldArb, wrongFieldCaseArb } from '../properties/responses';
import { fastCheckParameters, rerunCommand } from '../support/fc-seed';

/** The generators behind tests/properties/responses.ts: every case they can produce must be a valid one. */
describe('property generators', () => {
  const settings = ENDPOINTS.find((e) => e.call === 'getPortalSettings')!;
  const codes = ENDPOINTS.find((e) => e.call === 'getBackupCodes')!;

  it('an object case with no field has nothing to break: no wrong-field generator, so it is never drawn', () => {
    expect(wrongFieldArb({ e: settings, value: {} })).toBeNull();
    expect(wrongFieldArb({ e: codes, value: [{}] })).toBeNull();
  });

  it('a case with fields breaks one of them, with a value of another type', () => {
    const value = { docSpace: true, version: '3.6.1', ownerId: '11111111-2222-4333-8444-555555555555' };
    const drawn = fc.sample(wrongFieldArb({ e: settings, value })!, { numRuns: 300, seed: 7 });
    for (const { key, bad } of drawn) {
      expect(Object.keys(value)).toContain(key);
      const original = value[key as keyof typeof value];
      expect(Array.isArray(bad) ? 'array' : typeof bad).not.toBe(typeof original);
    }
    expect(new Set(drawn.map((d) => d.key)).size).toBe(3);
  });

  it('the wrong-field cases never throw and always name a field of the value, over many seeds', () => {
    for (let seed = 0; seed < 40; seed += 1) {
      for (const { value, key } of fc.sample(wrongFieldCaseArb, { numRuns: 100, seed })) {
        expect(Object.keys((Array.isArray(value) ? value[0] : value) as object)).toContain(key);
      }
    }
  });
});

describe('fast-check seeds', () => {
  it('FC_SEED, FC_PATH and FC_RUNS are read; without FC_SEED a fresh seed is drawn', () => {
    expect(fastCheckParameters({ FC_SEED: '-123', FC_PATH: '4:0:1', FC_RUNS: '500' })).toEqual({ seed: -123, path: '4:0:1', numRuns: 500 });
    expect(fastCheckParameters({}, () => 99)).toEqual({ seed: 99 });
  });

  it('a malformed FC_SEED, FC_PATH or FC_RUNS is refused with its name, not silently replaced', () => {
    expect(() => fastCheckParameters({ FC_SEED: 'abc' })).toThrow(/FC_SEED=abc/);
    expect(() => fastCheckParameters({ FC_SEED: String(2 ** 31) })).toThrow(/FC_SEED/);
    expect(() => fastCheckParameters({ FC_PATH: '1;rm' })).toThrow(/FC_PATH/);
    expect(() => fastCheckParameters({ FC_RUNS: '0' })).toThrow(/FC_RUNS/);
  });

  it('the re-run command replays the same seed on the one test, quoted for the shell', () => {
    const cmd = rerunCommand({ seed: 5 }, '/repo/tests/unit/x.test.ts', "it's (a) test", '/repo');
    expect(cmd).toBe(`FC_SEED=5 npx vitest run 'tests/unit/x.test.ts' -t 'it'\\''s \\(a\\) test'`);
  });

  it('the same seed draws the same cases (what makes a re-run reproduce a failure)', () => {
    const a = fc.sample(wrongFieldCaseArb, { numRuns: 50, seed: 1234 });
    const b = fc.sample(wrongFieldCaseArb, { numRuns: 50, seed: 1234 });
    expect(JSON.stringify(a.map((c) => [c.e.call, c.key, c.bad]))).toBe(JSON.stringify(b.map((c) => [c.e.call, c.key, c.bad])));
  });
});
