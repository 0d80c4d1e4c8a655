import type { AppError } from '../../../errors';
import { err, ok, type Result } from '../../../result';
import { isSupportedOrigin } from '../../../portal/origin';
import { hasHostAccess } from '../../../background/host-access';

/**
 * The rules each command handler checks itself, whatever the page that sent the command did: a page bug
 * or a future page cannot make the background act on a site the pages would have refused. `clientFor` (session.ts)
 * applies both before any request; these are for handlers that write or keep something without a client.
 */

/** https only (or the loopback emulator in the test build): anything else is `notPortal`, and nothing is done. */
export function supportedOrigin(origin: string): Result<true, AppError> {
  return isSupportedOrigin(origin) ? ok(true) : err({ kind: 'notPortal', origin });
}

/** A supported origin the user granted host access to; else `notPortal` or `noPermission`, and nothing is done. */
export async function reachableOrigin(origin: string): Promise<Result<true, AppError>> {
  const supported = supportedOrigin(origin);
  if (!supported.ok) return supported;
  return (await hasHostAccess(origin)) ? ok(true) : err({ kind: 'noPermission', origin });
}
