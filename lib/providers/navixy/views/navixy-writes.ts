import { call } from '../call';
import type { AppError } from '../../../errors';
import type { MfaSettings } from '../protocol';
import type { HeldSettings } from '../schemas';
import { localPanelError } from '../errors';
import { isSessionError } from '../session-error';
import { allowSettingsFrom, batchesOf, planSelected } from '../users';
import { MAX_IDS_PER_UPDATE } from '../schemas';
import { navixy as t } from '../i18n';
import { settingsText } from '../components/NavixySummary';
import type { Progress } from '../components/BatchProgress';

const DISALLOW: MfaSettings = { type: 'disallowed' };

/** What the users page hands its writes: its panel, what it shows, and how to show progress and outcome. */
export interface WritePage {
  panel: string;
  selected: ReadonlySet<number>;
  /** MFA allowed per user, as the list last showed them. */
  known: ReadonlyMap<number, boolean>;
  /** The panel's default as last read (the factor types "allow" sends). */
  defaultSettings: HeldSettings | null;
  setBusy: (busy: boolean) => void;
  setActionError: (error: AppError | null) => void;
  setOutcome: (text: string) => void;
  setProgress: (p: Progress | null) => void;
  /** Shows the error (and the sign-in form when the session is gone). */
  failed: (error: AppError) => void;
  /** Reads the default and the list again; true when the list was read. */
  reread: () => Promise<boolean>;
  /** Re-reads the list after a success and shows `message` with what the panel now reports. */
  finish: (message: string) => Promise<void>;
  /** The default the panel answered after saving. */
  setDefault: (settings: HeldSettings | null) => void;
}

/**
 * The users page's writes: to the selected users in batches, to every user, and the default.
 * After any write error the default and the list are read again and the page says so, since a
 * failed write may still have changed some users.
 */
export function navixyWrites(page: WritePage) {
  /** What "allow" writes: the default's factor types; null when the default holds one this version cannot read (writing would drop it). */
  const allowSettings = () => allowSettingsFrom(page.defaultSettings);

  /** What "allow" / "disallow" writes; null (and why, shown) when allowing would drop an unreadable factor type. */
  const settingsFor = (allow: boolean): MfaSettings | null => {
    const s = allow ? allowSettings() : DISALLOW;
    if (!s) page.setActionError(localPanelError(page.panel, 'unreadableFactors'));
    return s;
  };

  const start = () => {
    page.setBusy(true);
    page.setActionError(null);
    page.setOutcome('');
  };

  /** After a failed write: the error, then what the panel now holds (never re-read with a gone session). */
  const afterError = async (error: AppError, said: string, rereadText: string) => {
    page.failed(error);
    page.setOutcome(said);
    if (isSessionError(error)) return;
    const read = await page.reread();
    page.setOutcome([said, read ? rereadText : ''].filter(Boolean).join(' '));
  };

  /**
   * Sends the selection in batches of at most 100 ids, one after another; stops at the first
   * error. Users already in the state asked for are not written (see {@link planSelected}).
   */
  const applySelected = async (allow: boolean) => {
    const plan = planSelected(page.selected, page.known, allow);
    const skipped = plan.skipped ? t.users.skipped(allow, plan.skipped) : '';
    const batches = batchesOf(plan.send, MAX_IDS_PER_UPDATE);
    const total = plan.send.length;
    if (!page.selected.size) return;
    page.setActionError(null);
    const settings = settingsFor(allow);
    if (!settings) return;
    if (!total) {
      page.setProgress(null);
      page.setActionError(null);
      page.setOutcome(`${skipped} ${t.users.nothingSent}`);
      return;
    }
    start();
    let done = 0;
    for (const [i, ids] of batches.entries()) {
      page.setProgress({ batch: i + 1, batches: batches.length, done, total });
      const r = await call<'updateNavixyMfa'>({ type: 'updateNavixyMfa', panel: page.panel, target: { type: 'selected', ids }, settings });
      if (!r.ok) {
        page.setBusy(false);
        // The failing batch was sent: the panel may have written part of it ([SPEC] does not say).
        const said = [t.users.batchFailed(i + 1, batches.length, ids.length, total - done - ids.length), skipped].filter(Boolean).join(' ');
        await afterError(r.error, said, t.users.reread);
        return;
      }
      done += ids.length;
      page.setProgress({ batch: i + 1, batches: batches.length, done, total });
    }
    page.setBusy(false);
    await page.finish([t.users.doneSelected(allow, total), skipped].filter(Boolean).join(' '));
  };

  /**
   * `target: all` (every user of the dealer), with the long timeout (its confirmation says, while
   * busy, that the wait may be long); `answered` runs as soon as the panel answers.
   */
  const applyAll = async (allow: boolean, answered: () => void) => {
    page.setActionError(null);
    const settings = settingsFor(allow);
    if (!settings) return answered();
    start();
    page.setProgress(null);
    const r = await call<'updateNavixyMfa'>({ type: 'updateNavixyMfa', panel: page.panel, target: { type: 'all' }, settings });
    page.setBusy(false);
    answered();
    if (!r.ok) return afterError(r.error, '', t.users.rereadAll);
    await page.finish(t.users.doneAll(allow));
  };

  /** The default, and with `applyToAll` the same settings to every user; a saved default whose write to all failed says both. */
  const saveDefault = async (settings: MfaSettings, applyToAll: boolean) => {
    start();
    const r = await call<'setNavixyDefault'>({ type: 'setNavixyDefault', panel: page.panel, settings, applyToAll });
    page.setBusy(false);
    if (!r.ok) return afterError(r.error, '', t.users.rereadAll);
    page.setDefault(r.value.settings);
    if (r.value.allError) return afterError(r.value.allError, t.defaults.applyFailed(settingsText(r.value.settings)), t.users.rereadAll);
    if (r.value.appliedToAll) await page.finish(t.defaults.savedAll(settingsText(r.value.settings)));
    else page.setOutcome(t.defaults.saved(settingsText(r.value.settings)));
  };

  return { applySelected, applyAll, saveDefault, allowSettings };
}
