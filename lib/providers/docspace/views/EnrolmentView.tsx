import '../error-text';
import { useEffect, useRef, useState } from 'preact/hooks';
import { call } from '../call';
import type { AppError } from '../../../errors';
import type { BackupCode, EnrolmentStart } from '../protocol';
import { ATTEMPT_WINDOW_MS, checkClock, diagnoseCode, normaliseCode, type CodeDiagnosis } from '../tfa/otp';
import { describeError } from '../../../messages';
import { hostOf } from '../../../portal/origin';
import { enrolment as t, backupCodes as codesText } from '../i18n/enrolment';
import { SetupSteps, type SetupStep } from '../components/SetupSteps';
import { BackupCodeList } from '../components/BackupCodeList';
import { CodesSavedAck } from '../components/CodesSavedAck';
import { Notice } from '../../../../components/Notice';
import { flows } from '../i18n/flows';
import { ErrorNotice } from '../../../../components/ErrorNotice';
import type { ViewProps } from './views';

type Phase =
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | { status: 'cancelled' }
  | { status: 'setup'; start: EnrolmentStart }
  | { status: 'done'; codes: BackupCode[]; warning: string | null }
  /** The codes were acknowledged ("Done"): they are dropped from this page. */
  | { status: 'finished' };

type Attempt =
  | { status: 'idle'; attemptsLeft: number | null }
  | { status: 'busy'; text: string; warning: string | null }
  | { status: 'failed'; text: string; warning: string | null }
  | { status: 'locked'; retryAt: number; text: string | null; warning: string | null };

interface Props extends ViewProps {
  /** An enrolment already started (after resetting my authenticator): skip startEnrolment. */
  initial?: EnrolmentStart;
}

/** What a diagnosis means for the person: an error (not sent), a warning (sent), or nothing. */
function judge(d: CodeDiagnosis): { error: string | null; warning: string | null } {
  switch (d.kind) {
    case 'badFormat': return { error: t.badFormat, warning: null };
    case 'noMatch': return { error: t.noMatch, warning: null };
    case 'match': return { error: null, warning: null };
    case 'skewed':
      return d.portalAccepts
        ? { error: null, warning: t.skewAccepted(d.direction, d.minutes) }
        : { error: t.skewRejected(d.direction, d.minutes), warning: null };
  }
}

function failureText(error: AppError): string {
  if (error.kind === 'wrongCode') return t.wrongCode(error.attemptsLeft);
  if (error.kind === 'notAvailable' && error.reason === 'notApplied') return t.notApplied;
  if (error.kind === 'signedOut' || (error.kind === 'notAvailable' && error.reason === 'noSetup')) return t.expired;
  const text = describeError(error);
  return `${text.message} ${text.next}`;
}

/**
 * Enrolment: get the setup key, show QR and key, check the code locally, then send it.
 * The setup key lives only in this component's state and is dropped when setup ends.
 */
export function EnrolmentView({ origin, navigate, initial, onStatusChange }: Props) {
  const [phase, setPhase] = useState<Phase>(initial ? { status: 'setup', start: initial } : { status: 'loading' });
  const [step, setStep] = useState<SetupStep>(1);
  const [code, setCode] = useState('');
  const [attempt, setAttempt] = useState<Attempt>({ status: 'idle', attemptsLeft: null });
  const [announce, setAnnounce] = useState('');
  const host = hostOf(origin);

  const load = async () => {
    setPhase({ status: 'loading' });
    // An activation link, when there is one, was handed to the background before this page opened (never in its URL).
    const reply = await call({ type: 'startEnrolment', origin });
    setPhase(reply.ok ? { status: 'setup', start: reply.value } : { status: 'error', error: reply.error });
    setStep(1);
    // "N attempts left" only when the portal's limit is known (admins) and some are used already.
    const left = reply.ok ? reply.value.attemptsLeft : null;
    const limit = reply.ok ? reply.value.attemptLimit : null;
    setAttempt({ status: 'idle', attemptsLeft: left !== null && limit !== null && left < limit ? left : null });
  };
  useEffect(() => {
    if (!initial) void load();
  }, [origin]);
  const isInSetup = phase.status === 'setup';
  useEffect(() => {
    if (!isInSetup) return undefined;
    // Closing the page ends the setup: the background forgets the confirm token (best effort).
    const handlePageHide = (e: PageTransitionEvent) => {
      if (!e.persisted) void call({ type: 'cancelEnrolment', origin });
    };
    addEventListener('pagehide', handlePageHide);
    return () => removeEventListener('pagehide', handlePageHide);
  }, [isInSetup, origin]);

  const handleSubmit = async () => {
    if (phase.status !== 'setup') return;
    const { start } = phase;
    const verdict = judge(diagnoseCode(start.setupKey, code, Date.now(), start.serverClockOffsetMs));
    if (verdict.error) {
      setAttempt({ status: 'failed', text: verdict.error, warning: null });
      return;
    }
    const { warning } = verdict;
    setAttempt({ status: 'busy', text: t.sending, warning });
    const reply = await call({ type: 'validateCode', origin, code: normaliseCode(code) });
    setCode('');
    if (reply.ok) {
      setPhase({ status: 'done', codes: reply.value.backupCodes, warning });
      setAnnounce(t.doneText);
      onStatusChange?.();
      return;
    }
    const { error } = reply;
    if (error.kind === 'tooManyAttempts') setAttempt({ status: 'locked', retryAt: error.retryAt, text: null, warning });
    // The last attempt of the minute was wrong: the next one would be refused, so wait now.
    else if (error.kind === 'wrongCode' && error.attemptsLeft === 0) setAttempt({ status: 'locked', retryAt: Date.now() + ATTEMPT_WINDOW_MS, text: failureText(error), warning });
    else setAttempt({ status: 'failed', text: failureText(error), warning });
  };

  const handleCancel = async () => {
    await call({ type: 'cancelEnrolment', origin });
    setCode('');
    setPhase({ status: 'cancelled' });
  };

  return (
    <section aria-labelledby="enrol-title">
      <Heading id="enrol-title" focusKey={phase.status === 'done' || phase.status === 'finished' ? 'done' : 'steps'}>
        {phase.status === 'done' || phase.status === 'finished' ? t.doneTitle : t.title}
      </Heading>
      <p role="status" class={phase.status === 'loading' || phase.status === 'cancelled' ? undefined : 'visually-hidden'}>
        {phase.status === 'loading' ? t.loading : phase.status === 'cancelled' ? t.cancelled : announce}
      </p>
      {phase.status === 'error' ? <StartFailed error={phase.error} origin={origin} onRetry={load} navigate={navigate} /> : null}
      {phase.status === 'cancelled' ? (
        <button type="button" class="primary" onClick={load}>{t.startAgain}</button>
      ) : null}
      {phase.status === 'setup' ? (
        <>
          {step === 1 ? <p>{t.intro(host)}</p> : null}
          <ClockNotice offsetMs={phase.start.serverClockOffsetMs} />
          <SetupSteps
            start={phase.start}
            step={step}
            onStep={setStep}
            code={code}
            onCode={setCode}
            onSubmit={handleSubmit}
            onCancel={handleCancel}
            busy={attempt.status === 'busy' ? attempt.text : null}
            error={attempt.status === 'failed' || attempt.status === 'locked' ? attempt.text : null}
            warning={attempt.status === 'idle' ? null : attempt.warning}
            attemptsLeft={attempt.status === 'idle' ? attempt.attemptsLeft : null}
            lockedUntil={attempt.status === 'locked' ? attempt.retryAt : null}
            onUnlocked={() => {
              setAttempt({ status: 'idle', attemptsLeft: null });
              setAnnounce(t.unlocked);
            }}
          />
        </>
      ) : null}
      {phase.status === 'done' ? (
        <Done codes={phase.codes} warning={phase.warning} host={host} navigate={navigate} onDone={() => setPhase({ status: 'finished' })} />
      ) : null}
      {phase.status === 'finished' ? (
        <Notice kind="ok">
          <p>{flows.codes.finished}</p>
        </Notice>
      ) : null}
    </section>
  );
}

/** The view heading; takes focus when the phase changes (not on first render). */
function Heading({ id, focusKey, children }: { id: string; focusKey: string; children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
  }, [focusKey]);
  return <h2 id={id} ref={ref} tabIndex={-1} class="view-heading">{children}</h2>;
}

function ClockNotice({ offsetMs }: { offsetMs: number | null }) {
  const clock = checkClock(offsetMs);
  if (clock.kind !== 'differs') return null;
  return <Notice kind="warn"><p>{t.clockDiffers(clock.direction, clock.seconds)}</p></Notice>;
}

function StartFailed({ error, origin, onRetry, navigate }: { error: AppError; origin: string; onRetry: () => void; navigate: ViewProps['navigate'] }) {
  if (error.kind === 'notAvailable' && (error.reason === 'sms' || error.reason === 'needsBrowserSignIn')) {
    return <PortalOnly error={error} origin={origin} onRetry={onRetry} />;
  }
  if (error.kind === 'notAvailable' || error.kind === 'signedOut') {
    return (
      <Notice
        kind="error"
        role="alert"
        action={
          <div class="step-actions">
            <button type="button" onClick={onRetry}>{t.startAgain}</button>
            <button type="button" onClick={() => navigate('codes')}>{t.goCodes}</button>
            <button type="button" onClick={() => navigate('reset')}>{t.goReset}</button>
          </div>
        }
      >
        <p>{error.kind === 'signedOut' ? t.expired : t.notAvailable}</p>
        {error.kind === 'notAvailable' ? <p>{t.alreadySetUp}</p> : null}
      </Notice>
    );
  }
  return <ErrorNotice error={error} onRetry={onRetry} />;
}

/**
 * What only the portal's own pages can do: SMS set-up, or (DocSpace 3.6 with an API key) an enrolment that needs
 * the browser's portal sign-in. Links to the portal's start page, never to a link the portal returned.
 */
function PortalOnly({ error, origin, onRetry }: { error: AppError; origin: string; onRetry: () => void }) {
  const [busy, setBusy] = useState(false);
  const switchToBrowser = async () => {
    setBusy(true);
    await call({ type: 'useBrowserSignIn', origin });
    setBusy(false);
    onRetry();
  };
  return (
    <>
      <ErrorNotice error={error} />
      <div class="step-actions">
        <a class="button" href={`${origin}/`} target="_blank" rel="noopener noreferrer">{t.openPortal(hostOf(origin))}</a>
        {error.kind === 'notAvailable' && error.reason === 'needsBrowserSignIn' ? (
          <button type="button" disabled={busy} onClick={() => void switchToBrowser()}>{t.useBrowserSignIn}</button>
        ) : null}
      </div>
    </>
  );
}

function Done({ codes, warning, host, navigate, onDone }: { codes: BackupCode[]; warning: string | null; host: string; navigate: ViewProps['navigate']; onDone: () => void }) {
  return (
    <>
      <Notice kind="ok">
        <p>{t.doneText}</p>
      </Notice>
      {warning ? <Notice kind="warn"><p>{warning}</p></Notice> : null}
      <h3>{codesText.title}</h3>
      <p>{codesText.intro}</p>
      {codes.length > 0 ? (
        <>
          <BackupCodeList codes={codes} host={host} />
          <CodesSavedAck onDone={onDone} />
        </>
      ) : (
        <p>
          {t.doneNoCodes}{' '}
          <button type="button" onClick={() => navigate('codes')}>{t.goCodes}</button>
        </p>
      )}
    </>
  );
}
