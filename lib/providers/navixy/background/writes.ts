import { err, ok } from '../../../result';
import { logEvent } from '../../../log';
import type { AppError } from '../../../errors';
import type { CommandOf } from '../protocol';
import { hostOf } from '../../../portal/origin';
import { navixyTimeouts } from '../http';
import { isSessionError } from '../session-error';
import { dropNavixyStatus } from '../session';
import { notPermitted, signedClient, type Reply } from './signed';

/**
 * One `settings/update` call: `all`, or one batch of at most 100 ids (the protocol refuses more).
 * `all` gets the long timeout Navixy's own panel allows (120 s): the panel writes every user in it.
 */
export async function updateNavixyMfa(cmd: CommandOf<'updateNavixyMfa'>): Reply<'updateNavixyMfa'> {
  const signed = await signedClient(cmd.panel);
  if (!signed.ok) return signed;
  if (!signed.value.access.canUpdate) return err(notPermitted(cmd.panel, 'users: update'));
  const r = await signed.value.client.updateMfa(cmd.target, cmd.settings, cmd.target.type === 'all' ? navixyTimeouts.longWriteMs : undefined);
  await dropNavixyStatus(cmd.panel);
  if (!r.ok) return r;
  const count = cmd.target.type === 'selected' ? cmd.target.ids.length : null;
  logEvent('navixy-mfa-updated', { panel: hostOf(cmd.panel), target: cmd.target.type, count, settings: cmd.settings.type });
  return ok({ target: cmd.target.type, count });
}

/**
 * Updates the default (it applies to users with no explicit setting of their own) and, with
 * `applyToAll`, writes the same settings to every user (`target: all`, as Navixy's own panel
 * does); then re-reads the default so the UI shows what the panel holds. Both writes get the
 * long timeout. A default saved whose write to all then failed is a success with `allError`:
 * the page says both (the default is on the panel; the users may be partly written).
 */
export async function setNavixyDefault(cmd: CommandOf<'setNavixyDefault'>): Reply<'setNavixyDefault'> {
  const signed = await signedClient(cmd.panel);
  if (!signed.ok) return signed;
  const { client, access } = signed.value;
  if (!access.canUpdate) return err(notPermitted(cmd.panel, 'users: update'));
  const r = await client.updateDefault(cmd.settings, navixyTimeouts.longWriteMs);
  await dropNavixyStatus(cmd.panel);
  if (!r.ok) return r;
  let allError: AppError | undefined;
  if (cmd.applyToAll) {
    const all = await client.updateMfa({ type: 'all' }, cmd.settings, navixyTimeouts.longWriteMs);
    await dropNavixyStatus(cmd.panel);
    if (all.ok) logEvent('navixy-mfa-updated', { panel: hostOf(cmd.panel), target: 'all', count: null, settings: cmd.settings.type });
    else allError = all.error;
  }
  // A gone session cannot re-read: the panel accepted the default as sent.
  const fresh = allError && isSessionError(allError) ? ok(cmd.settings) : await client.readDefault();
  if (!fresh.ok) return allError ? ok({ settings: cmd.settings, appliedToAll: false, allError }) : fresh;
  return ok({ settings: fresh.value, appliedToAll: cmd.applyToAll === true && !allError, ...(allError ? { allError } : {}) });
}
