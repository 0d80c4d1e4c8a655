import { useEffect, useMemo, useState } from 'preact/hooks';
import { call } from '../call';
import type { AppError } from '../../../errors';
import { ok, type Result } from '../../../result';
import type { NamedEntity, PolicyView as PolicyData, SaveReply } from '../protocol';
import { consequencesOf, diffPolicy, draftOf } from '../tfa/policy-diff';
import { initialDraft, toPolicyDraft, type EditorDraft } from '../tfa/policy-draft';
import { newHugeEntries } from '../tfa/huge-entries';
import { describeDiff, policy as t } from '../i18n/policy';
import { PolicyEditor } from '../components/PolicyEditor';
import { PolicyReview } from '../components/PolicyReview';
import { PolicySaved } from '../components/PolicySaved';
import { ErrorNotice } from '../../../../components/ErrorNotice';
import { entityLabel } from '../components/EntityPicker';
import { PolicyImpact } from '../components/PolicyImpact';
import { EmptiedListsNotice } from '../components/EmptiedListsNotice';
import { addressImpact, impactOf } from '../tfa/coverage-impact';
import { coverageHref } from '../coverage/link';
import type { CoveragePerson } from '../coverage/types';
import type { ViewProps } from './views';

type Phase =
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | { status: 'edit' }
  | { status: 'review'; busy: boolean; error: AppError | null }
  | { status: 'saved'; reply: SaveReply };

function namesOf(view: PolicyData, draft: EditorDraft): Record<string, NamedEntity> {
  const out: Record<string, NamedEntity> = {};
  for (const e of [...view.users, ...view.groups, ...draft.users, ...draft.groups]) {
    out[e.id.toLowerCase()] = e;
  }
  return out;
}

/** `list` with each entry the portal just named (or confirmed deleted) replaced; the given id spelling kept. */
function withFresh(list: NamedEntity[], fresh: Map<string, NamedEntity>): NamedEntity[] {
  return list.map((e) => {
    const named = fresh.get(e.id.toLowerCase());
    return named ? { ...named, id: e.id } : e;
  });
}

/** Trusted entries that cover very large blocks and are not already on the portal as they will be sent: saving them needs a confirmation. */
function hugeEntriesOf(view: PolicyData, ips: ReturnType<typeof toPolicyDraft>['ips']): string[] {
  const huge = newHugeEntries(view.policy.trustedIps, ips);
  // Entries that are each small but together cover a huge block (256 adjacent /16s) need the same confirmation.
  return [...huge.entries, ...(huge.together ? [t.hugeTogetherEntry] : [])];
}

/** Portal policy: edit, review in words, save with the full body, then enrol at once when TFA was just enabled. */
export function PolicyView({ origin, navigate }: ViewProps) {
  const [phase, setPhase] = useState<Phase>({ status: 'loading' });
  const [view, setView] = useState<PolicyData | null>(null);
  const [draft, setDraft] = useState<EditorDraft | null>(null);
  const [emptiedShown, setEmptiedShown] = useState(true);
  // Issue 26: the people of this browser session's count (the coverage view's report), to work out a draft's impact exactly.
  const [people, setPeople] = useState<CoveragePerson[] | null>(null);

  const load = async () => {
    setPhase({ status: 'loading' });
    const r = await call({ type: 'getPolicy', origin });
    if (!r.ok) {
      setPhase({ status: 'error', error: r.error });
      return;
    }
    setView(r.value);
    setDraft(initialDraft(r.value));
    setEmptiedShown(true);
    setPhase({ status: 'edit' });
    if (r.value.canEdit) {
      const report = await call({ type: 'getCoverage', origin });
      setPeople(report.ok && report.value && !report.value.unavailable ? report.value.people : null);
    }
  };
  useEffect(() => {
    void load();
  }, [origin]);

  // "Check them again": only the names change; the admin's edits to the draft stay.
  const retryNames = async (kind: 'user' | 'group', ids: string[]): Promise<Result<true, AppError>> => {
    const r = await call({ type: 'resolvePolicyNames', origin, users: kind === 'user' ? ids : [], groups: kind === 'group' ? ids : [] });
    if (!r.ok) {
      return r;
    }
    const fresh = new Map([...r.value.users, ...r.value.groups].map((e) => [e.id.toLowerCase(), e]));
    setView((v) => v && { ...v, users: withFresh(v.users, fresh), groups: withFresh(v.groups, fresh) });
    setDraft((d) => d && { ...d, users: withFresh(d.users, fresh), groups: withFresh(d.groups, fresh) });
    return ok(true);
  };

  /** `hugeConfirmed`: the admin ticked the review's confirmation for huge trusted ranges (the background asks for it again). */
  const save = async (hugeConfirmed: boolean) => {
    if (!draft) {
      return;
    }
    setPhase({ status: 'review', busy: true, error: null });
    const { draft: next } = toPolicyDraft(draft);
    const r = await call({ type: 'savePolicy', origin, ...next, ...(hugeConfirmed ? { hugeConfirmed: true } : {}) });
    if (!r.ok) {
      setPhase({ status: 'review', busy: false, error: r.error });
      return;
    }
    // Everyone was signed out and we are not enrolled: continue into enrolment. The background kept the link's
    // token; the link itself (it may carry a key) is not put into this page's address or the history.
    if (r.value.enrolNext && r.value.confirmUrl) {
      navigate('enrol');
      return;
    }
    setPhase({ status: 'saved', reply: r.value });
  };

  /** Issue 26, "Restore": the held lists go into the draft (the emptied ones only) and the normal review opens; nothing is saved yet. */
  const restore = () => {
    const held = view?.emptied?.restorable ? view.emptied.held : undefined;
    if (!view || !draft || !held) {
      return;
    }
    const lists = {
      trustedIps: held.trustedIps.length ? held.trustedIps : view.policy.trustedIps,
      mandatoryUsers: held.mandatoryUsers.length ? held.mandatoryUsers.map((e) => e.id) : view.policy.mandatoryUsers,
      mandatoryGroups: held.mandatoryGroups.length ? held.mandatoryGroups.map((e) => e.id) : view.policy.mandatoryGroups,
    };
    const restored = initialDraft({ policy: { ...view.policy, ...lists }, users: [...view.users, ...held.mandatoryUsers], groups: [...view.groups, ...held.mandatoryGroups] });
    setDraft({ ...restored, method: draft.method });
    setEmptiedShown(false);
    setPhase({ status: 'review', busy: false, error: null });
  };
  const dismiss = async () => {
    setEmptiedShown(false);
    await call({ type: 'forgetHeldLists', origin });
  };

  // Keyed on the lists, not the whole draft: typing a trusted IP does not rebuild a map of thousands of names.
  const names = useMemo(() => (view && draft ? namesOf(view, draft) : {}), [view, draft?.users, draft?.groups]);
  const reviewed = phase.status === 'review' && draft ? toPolicyDraft(draft) : null;
  const nameOf = (kind: 'user' | 'group') => (id: string) => entityLabel(names[id.toLowerCase()] ?? { id, name: '' }, kind);

  return (
    <section aria-labelledby="view-title">
      <h2 id="view-title">{t.heading}</h2>
      <p class="muted" role="status">
        {phase.status === 'loading' ? t.loading : ''}
      </p>
      {phase.status === 'error' ? <ErrorNotice error={phase.error} onRetry={() => void load()} /> : null}
      {phase.status === 'edit' && view?.emptied && emptiedShown && view.canEdit ? (
        <EmptiedListsNotice emptied={view.emptied} now={Date.now()} onRestore={restore} onDismiss={() => void dismiss()} />
      ) : null}
      {phase.status === 'edit' && view && draft ? (
        <PolicyEditor
          view={view}
          draft={draft}
          onDraft={setDraft}
          onReview={() => setPhase({ status: 'review', busy: false, error: null })}
          onSearchPeople={(text) => call({ type: 'searchPeople', origin, text })}
          onSearchGroups={(text) => call({ type: 'searchGroups', origin, text })}
          onRetryNames={retryNames}
        />
      ) : null}
      {phase.status === 'review' && view && reviewed ? (
        <PolicyReview
          changes={describeDiff(diffPolicy(draftOf(view.policy), reviewed.draft), { user: nameOf('user'), group: nameOf('group') })}
          consequences={consequencesOf({ before: draftOf(view.policy), draft: reviewed.draft, me: view.me, isEnrolled: view.isEnrolled, ownerId: view.ownerId })}
          hugeEntries={hugeEntriesOf(view, reviewed.ips)}
          busy={phase.busy}
          error={phase.error}
          onBack={() => setPhase({ status: 'edit' })}
          onSave={(hugeConfirmed) => void save(hugeConfirmed)}
        >
          <PolicyImpact
            impact={impactOf({ before: draftOf(view.policy), draft: reviewed.draft, coverage: view.coverage, people, meId: view.me.id, meEnrolled: view.isEnrolled, ownerId: view.ownerId })}
            address={addressImpact(reviewed.draft, view.me.id)}
            now={Date.now()}
            coverageHref={view.canEdit ? coverageHref(origin) : undefined}
          />
        </PolicyReview>
      ) : null}
      {phase.status === 'saved' ? (
        <PolicySaved reply={phase.reply} names={names} signInUrl={`${origin}/login`} onEditAgain={() => void load()} />
      ) : null}
    </section>
  );
}
