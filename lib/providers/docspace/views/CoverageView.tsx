import { useEffect, useRef, useState } from 'preact/hooks';
import { call } from '../call';
import type { AppError } from '../../../errors';
import type { CoveragePerson, CoverageProgress, CoverageReport } from '../coverage/types';
import { coverageText as t } from '../i18n/coverage';
import { owner as ownerText } from '../i18n/enrolment';
import { hostOf } from '../../../portal/origin';
import { ResetUserConfirm } from '../components/ResetUserConfirm';
import { ErrorNotice } from '../../../../components/ErrorNotice';
import { IconSuccess } from '../../../../components/icons';
import '../components/enrolment.css';
import { CoverageCounts, countsSentence } from '../components/CoverageCounts';
import { CoveragePeople } from '../components/CoveragePeople';
import type { ViewProps } from './views';
import '../components/coverage.css';

type Loaded = { status: 'loading' } | { status: 'ready'; report: CoverageReport | null };
type Target = { status: 'none' } | { status: 'confirming' | 'resetting'; person: CoveragePerson };

/** How often the view asks the background how far a running count is. */
export const PROGRESS_POLL_MS = 500;

/**
 * Enrolment coverage (issue 26 §1): the last count of this browser session (getCoverage, no network), a count on
 * demand (scanCoverage) with its progress and a cancel, the figures, the states in which the portal cannot say,
 * and the people (CoveragePeople).
 */
export function CoverageView({ origin, navigate }: ViewProps) {
  const host = hostOf(origin);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [progress, setProgress] = useState<CoverageProgress | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [announce, setAnnounce] = useState('');
  const [target, setTarget] = useState<Target>({ status: 'none' });
  const [resetNote, setResetNote] = useState<{ ok: boolean; text: string } | { error: AppError } | null>(null);
  const alive = useRef(true);
  const poll = useRef<ReturnType<typeof setInterval> | null>(null);

  const stopPolling = () => {
    if (poll.current) clearInterval(poll.current);
    poll.current = null;
  };
  const startPolling = (onDone?: () => void) => {
    stopPolling();
    const timer = setInterval(() => {
      void call({ type: 'coverageProgress', origin }).then((reply) => {
        // An answer that arrives after the count ended (or another began) is dropped.
        if (!alive.current || !reply.ok || poll.current !== timer) return;
        if (reply.value.running) setProgress(reply.value);
        else if (onDone) {
          stopPolling();
          onDone();
        }
      });
    }, PROGRESS_POLL_MS);
    poll.current = timer;
  };

  const reload = async () => {
    const reply = await call({ type: 'getCoverage', origin });
    if (!alive.current) return;
    if (reply.ok) setLoaded({ status: 'ready', report: reply.value });
    else setLoaded((l) => (l.status === 'loading' ? { status: 'ready', report: null } : l));
  };

  useEffect(() => {
    alive.current = true;
    void reload();
    // A count started before this page opened (another tab, a reload): follow it to its end.
    void call({ type: 'coverageProgress', origin }).then((reply) => {
      if (!alive.current || !reply.ok || !reply.value.running) return;
      setProgress(reply.value);
      startPolling(() => {
        setProgress(null);
        void reload();
      });
    });
    return () => {
      alive.current = false;
      stopPolling();
    };
  }, [origin]);

  const count = async () => {
    setError(null);
    setAnnounce('');
    setResetNote(null);
    setProgress({ running: true, read: 0, total: null });
    startPolling();
    const reply = await call({ type: 'scanCoverage', origin });
    stopPolling();
    if (!alive.current) return;
    setProgress(null);
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    setLoaded({ status: 'ready', report: reply.value });
    const s = reply.value.summary;
    setAnnounce(reply.value.partial ? t.cancelled : s && !reply.value.unavailable ? countsSentence(s) : '');
  };

  const cancel = () => void call({ type: 'cancelCoverage', origin });

  const reset = async (person: CoveragePerson) => {
    setTarget({ status: 'resetting', person });
    const reply = await call({ type: 'resetUserApp', origin, userId: person.id });
    if (!alive.current) return;
    setTarget({ status: 'none' });
    if (!reply.ok) {
      const e = reply.error;
      setResetNote(e.kind === 'notAvailable' && e.reason !== 'userDisabled' ? { ok: false, text: ownerText.notEnrolled(person.name) }
        : e.kind === 'notAvailable' ? { ok: false, text: ownerText.userDisabled(person.name) } : { error: e });
      return;
    }
    setResetNote({ ok: true, text: ownerText.done(person.name) });
    // The background updated its cached report (the person, the counts); until it answers, show the row as reset.
    setLoaded((l) => (l.status === 'ready' && l.report
      ? { status: 'ready', report: { ...l.report, people: l.report.people.map((p) => (p.id === person.id ? { ...p, hasApp: false } : p)) } }
      : l));
    await reload();
  };

  const report = loaded.status === 'ready' ? loaded.report : null;
  const running = progress !== null;
  const isOwner = report?.meId != null && report.meId === report.ownerId;
  const mode = report?.summary?.mode ?? (report?.unavailable === 'sms' ? 'sms' : 'app');

  return (
    <section aria-labelledby="coverage-title" class="coverage-view">
      <h2 id="coverage-title">{t.title}</h2>
      <p class="muted">{t.intro}</p>
      <div class="coverage-actions">
        <button type="button" class="primary" onClick={() => void count()} disabled={running || loaded.status === 'loading'}>
          {report ? t.countAgain : t.countNow}
        </button>
        {report?.summary && !running ? <span class="muted">{t.counted(report.summary.countedAt, Date.now())}</span> : null}
      </div>
      {running ? (
        <div class="coverage-progress">
          <label for="coverage-progress">{t.progressLabel}</label>
          <progress
            id="coverage-progress"
            max={progress.total ?? undefined}
            value={progress.total === null ? undefined : progress.read}
            aria-valuenow={progress.read}
            aria-valuemin={0}
            aria-valuemax={progress.total ?? undefined}
            aria-valuetext={t.progress(progress.read, progress.total)}
          />
          <span>{t.progress(progress.read, progress.total)}</span>
          <button type="button" class="quiet" onClick={cancel}>{t.cancel}</button>
        </div>
      ) : null}
      <p role="status" class="visually-hidden">{announce}</p>
      {error ? <ErrorNotice error={error} /> : null}
      {loaded.status === 'loading' ? <p role="status">{t.loading}</p> : null}
      {loaded.status === 'ready' && !report && !running ? <p class="notice">{t.empty}</p> : null}
      {report ? <Unavailable report={report} host={host} onPolicy={() => navigate('policy')} /> : null}
      {report?.summary && (report.unavailable === null || report.unavailable === 'sms') ? <CoverageCounts summary={report.summary} report={report} /> : null}
      {resetNote ? ('error' in resetNote ? <ErrorNotice error={resetNote.error} /> : (
        <p class={resetNote.ok ? 'notice ok with-icon' : 'notice warn'} role="status">
          {resetNote.ok ? <IconSuccess class="notice-icon" size={20} aria-hidden="true" /> : null}
          {resetNote.text}
        </p>
      )) : null}
      {report && report.people.length > 0 ? (
        <CoveragePeople
          people={report.people}
          mode={mode}
          host={host}
          reset={isOwner && report.meId ? { meId: report.meId, onReset: (p) => setTarget({ status: 'confirming', person: p }), onOwn: () => navigate('reset') } : undefined}
        />
      ) : null}
      {target.status !== 'none' ? (
        <ResetUserConfirm
          name={target.person.name}
          busy={target.status === 'resetting'}
          onConfirm={() => void reset(target.person)}
          onCancel={() => setTarget({ status: 'none' })}
        />
      ) : null}
    </section>
  );
}

/** The sentence and next step when the portal cannot say who has an authenticator. */
function Unavailable({ report, host, onPolicy }: { report: CoverageReport; host: string; onPolicy: () => void }) {
  switch (report.unavailable) {
    case 'tfaOff':
      return (
        <div class="notice warn" data-state="tfaOff">
          <p>{t.tfaOff(host)}</p>
          {report.summary ? (
            <>
              <p>{t.tfaOffLast(report.summary.countedAt)}</p>
              <CoverageCounts summary={report.summary} />
            </>
          ) : <p>{t.tfaOffNone}</p>}
          <button type="button" onClick={onPolicy}>{t.goPolicy}</button>
        </div>
      );
    case 'sms':
      return <p class="notice" data-state="sms">{t.sms(host)}</p>;
    case 'oldPortal':
      return <p class="notice warn" data-state="oldPortal">{t.oldPortal(host)}</p>;
    case 'notAdmin':
      return <p class="notice warn" data-state="notAdmin">{t.notAdmin}</p>;
    default:
      return report.summary?.mode === 'sms' ? <p class="notice" data-state="sms">{t.sms(host)}</p> : null;
  }
}
