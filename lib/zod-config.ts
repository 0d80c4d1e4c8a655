import { z } from 'zod';

/**
 * zod 4 probes the Function constructor once to decide whether it may compile fast parsers.
 * Under the extension's CSP (`script-src 'self'`, no string evaluation) that probe fails and is
 * reported as a CSP violation; jitless mode skips it. Every module that builds schemas imports z here.
 */
z.config({ jitless: true });

export { z };
