import { useId, useMemo } from 'preact/hooks';
import { Notice } from '../../../../components/Notice';
import type { AppError } from '../../../errors';
import type { Result } from '../../../result';
import { MAX_LIST_ENTRIES, MAX_TRUSTED_IPS, type NamedEntity, type PolicyView, type TfaMethod } from '../protocol';
import { diffPolicy, draftOf, isEmptyDiff, type PolicyDiff } from '../tfa/policy-diff';
import { applyIpFixes, toPolicyDraft, type EditorDraft } from '../tfa/policy-draft';
import { common } from '../../../i18n/common';
import { policy as t } from '../i18n/policy';
import { flows } from '../i18n/flows';
import { IpListEditor } from './IpListEditor';
import { EntityPicker } from './EntityPicker';
import './policy.css';

interface Props {
  view: PolicyView;
  draft: EditorDraft;
  onDraft: (next: EditorDraft) => void;
  onReview: () => void;
  onSearchPeople: (text: string) => Promise<Result<NamedEntity[], AppError>>;
  onSearchGroups: (text: string) => Promise<Result<NamedEntity[], AppError>>;
  /** Asks the portal again for entries of one list it did not name (EntityPicker's "Check them again"). */
  onRetryNames?: (kind: 'user' | 'group', ids: string[]) => Promise<Result<unknown, AppError>>;
}

const METHODS: readonly TfaMethod[] = ['none', 'app', 'sms'];

/**
 * Why a method cannot be chosen, or null: never one the portal would refuse (the app or SMS where the portal does
 * not offer it: SMS needs an SMS provider turned on), but always the current one. Shown disabled with the reason.
 */
function unavailableReason(m: TfaMethod, view: PolicyView): string | null {
  if (m === view.policy.method) return null;
  if (m === 'app' && !view.policy.appAvailable) return t.appUnavailable;
  if (m === 'sms' && !view.policy.smsAvailable) return t.smsUnavailable;
  return null;
}

/** How many changes the review would list: the method, and each entry added to or removed from a list. */
export function changeCount(d: PolicyDiff): number {
  const lists = [d.trustedIps, d.mandatoryUsers, d.mandatoryGroups];
  return (d.method ? 1 : 0) + lists.reduce((n, l) => n + l.added.length + l.removed.length, 0);
}

/** The policy form: method, trusted IPs, mandatory users and groups; read-only for non-admins. */
export function PolicyEditor({ view, draft, onDraft, onReview, onSearchPeople, onSearchGroups, onRetryNames }: Props) {
  const id = useId();
  const readOnly = !view.canEdit;
  const { draft: next, ips, droppedIps, breakingIps, droppedIds } = useMemo(() => toPolicyDraft(draft), [draft]);
  const diff = useMemo(() => diffPolicy(draftOf(view.policy), next), [view.policy, next]);
  const unchanged = isEmptyDiff(diff);
  // Mandatory lists only act while trusted IPs are set (with none, everyone is asked for a code).
  const listsInactive = next.trustedIps.length === 0;
  const listsWhileOff = next.method === 'none' && next.trustedIps.length + next.mandatoryUsers.length + next.mandatoryGroups.length > 0;
  const tooMany = next.trustedIps.length > MAX_TRUSTED_IPS || Math.max(next.mandatoryUsers.length, next.mandatoryGroups.length) > MAX_LIST_ENTRIES;
  const blocked = ips.invalid.length
    ? t.ipInvalidCount(ips.invalid.length)
    : tooMany
      ? t.tooMany(next.trustedIps.length > MAX_TRUSTED_IPS ? MAX_TRUSTED_IPS : MAX_LIST_ENTRIES)
      : unchanged
      ? listsWhileOff ? t.listsNeedTfa : t.noChanges
      : '';
  const me = view.me.id.toLowerCase();
  const owner = view.ownerId?.toLowerCase() ?? null;
  const tags: Record<string, string> = { ...(owner ? { [owner]: t.ownerTag } : {}), [me]: t.youTag };

  return (
    <form
      class="policy-editor"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!blocked && !readOnly) {
          onReview();
        }
      }}
    >
      <p>{t.intro}</p>
      {readOnly ? <Notice kind="info"><p>{t.readOnly(view.me.role)}</p></Notice> : null}
      <fieldset class="method-choice" disabled={readOnly}>
        <legend>{t.methodLegend}</legend>
        {METHODS.map((m) => {
          const unavailable = unavailableReason(m, view);
          return (
            <div class="radio-row" key={m}>
              <input
                type="radio"
                id={`${id}-${m}`}
                name={`${id}-method`}
                value={m}
                checked={draft.method === m}
                disabled={unavailable !== null}
                aria-describedby={`${id}-${m}-hint`}
                onChange={() => onDraft({ ...draft, method: m })}
              />
              <label for={`${id}-${m}`}>{common.method[m]}</label>
              <span id={`${id}-${m}-hint`} class="muted hint">
                {unavailable ?? t.methodHint[m]}
              </span>
            </div>
          );
        })}
      </fieldset>
      <IpListEditor
        text={draft.ipText} list={ips} dropped={droppedIps} breaking={breakingIps} readOnly={readOnly}
        onText={(ipText) => onDraft({ ...draft, ipText })}
        onFix={() => onDraft({ ...draft, ipText: applyIpFixes(draft.ipText, breakingIps) })}
      />
      <p class="lists-explainer">{t.listsExplainer}</p>
      {droppedIds.length ? <Notice kind="warn"><p>{t.invalidIdsNote(droppedIds.length)}</p></Notice> : null}
      <EntityPicker
        kind="user"
        label={t.usersLabel}
        searchLabel={t.searchPeople}
        selected={draft.users}
        onChange={(users) => onDraft({ ...draft, users })}
        onSearch={onSearchPeople}
        tags={tags}
        readOnly={readOnly}
        inactive={listsInactive}
        onRetry={onRetryNames && ((ids) => onRetryNames('user', ids))}
      />
      <EntityPicker
        kind="group"
        label={t.groupsLabel}
        searchLabel={t.searchGroups}
        selected={draft.groups}
        onChange={(groups) => onDraft({ ...draft, groups })}
        onSearch={onSearchGroups}
        readOnly={readOnly}
        inactive={listsInactive}
        onRetry={onRetryNames && ((ids) => onRetryNames('group', ids))}
      />
      {readOnly ? null : (
        // Once something changed, the row sticks to the bottom of the window: "2 changes · Review changes".
        <div class={unchanged ? 'form-actions' : 'form-actions review-bar'} role="region" aria-label={flows.policy.bar}>
          {unchanged ? null : <span class="change-count">{flows.policy.changes(changeCount(diff))}</span>}
          <p id={`${id}-blocked`} class={ips.invalid.length ? 'error-text hint' : 'muted hint'} role="status">
            {blocked}
          </p>
          <button type="submit" class="primary" disabled={Boolean(blocked)} aria-describedby={`${id}-blocked`}>
            {t.review}
          </button>
        </div>
      )}
    </form>
  );
}
