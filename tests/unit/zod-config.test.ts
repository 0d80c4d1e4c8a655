import { describe, expect, it, vi } from 'vitest';

/**
 * zod must never try `new Function` in the extension: the CSP forbids it and reports every try.
 * The Function constructor is watched from before the first schema module loads.
 */
describe('zod runs jitless under the extension CSP', () => {
  it('parsing commands and portal responses never constructs a Function', async () => {
    const constructed: unknown[][] = [];
    const Real = globalThis.Function;
    vi.stubGlobal('Function', new Proxy(Real, {
      construct(target, args) {
        constructed.push(args);
        return Reflect.construct(target, args) as object;
      },
      apply(target, self, args) {
        constructed.push(args);
        return Reflect.apply(target, self, args) as unknown;
      },
    }));
    const { CommandSchema } = await import('../../lib/providers/background');
    const { ProfileSchema, TfaSettingsListSchema } = await import('../../lib/providers/docspace/schemas');
    expect(CommandSchema.safeParse({ type: 'getStatus', origin: 'https://docs.example.com', refresh: true }).success).toBe(true);
    expect(ProfileSchema.safeParse({ id: '11111111-2222-4333-8444-555555555555', displayName: 'A' }).success).toBe(true);
    expect(TfaSettingsListSchema.safeParse([{ id: 'app', enabled: true, available: true }]).success).toBe(true);
    expect(constructed).toEqual([]);
    // Importing the whole background graph takes seconds on a loaded 2-core machine; the assertion is not about time.
  }, 30_000);
});
