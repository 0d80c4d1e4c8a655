import { describe, it } from 'vitest';
import { RESPONSE_PROPERTIES } from '../properties/responses';

/** Property-based: the typed client against hostile and broken portal responses (see tests/properties/responses.ts). */
describe('hostile and broken portal responses', () => {
  it.each(RESPONSE_PROPERTIES.map((p) => [p.name, p] as const))('%s', async (_name, property) => {
    await property.check();
  });
});
