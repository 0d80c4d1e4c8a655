import * as z from 'zod/mini';

/**
 * zod 4 probes the Function constructor once to decide whether it may compile fast parsers.
 * Under the extension's CSP (`script-src 'self'`, no string evaluation) that probe fails and is
 * reported as a CSP violation; jitless mode skips it. Every module that builds schemas imports z here.
 *
 * `zod/mini`: the same parsers as classic zod with functional checks (`z.optional(x)`, `x.check(z.maxLength(n))`,
 * `z.pipe(x, z.transform(f))`), so a bundle holds only what it uses: the background's zod is a third of classic's.
 */
z.config({ jitless: true });

export { z };
