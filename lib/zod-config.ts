import { z } from 'zod';

/**
 * zod 4 probes `new Function("")` once to decide whether it may compile fast parsers. Under the
 * extension's CSP (`script-src 'self'`, no 'unsafe-eval') that probe fails and is reported as a
 * CSP violation; jitless mode skips the probe. Imported first by every module that builds schemas.
 */
z.config({ jitless: true });

export { z };
