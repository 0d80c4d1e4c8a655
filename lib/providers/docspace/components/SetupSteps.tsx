import type { RefObject } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import type { EnrolmentStart } from '../protocol';
import { enrolment as t } from '../i18n/enrolment';
import { QrCode } from './QrCode';
import { SetupKey } from './SetupKey';
import { CodeInput } from './CodeInput';
import { Countdown } from './Countdown';
import './enrolment.css';

export type SetupStep = 1 | 2 | 3;

interface Props {
  start: EnrolmentStart;
  step: SetupStep;
  onStep: (step: SetupStep) => void;
  code: string;
  onCode: (code: string) => void;
  onSubmit: () => void;
  onCancel: () => void;
  /** Progress text while checking or sending; disables the form. */
  busy: string | null;
  /** The last failure (announced as an alert; marks the field invalid). */
  error: string | null;
  /** A warning that did not stop the code (announced politely). */
  warning: string | null;
  /** Shown when some attempts of this minute are used (null: say nothing). */
  attemptsLeft: number | null;
  lockedUntil: number | null;
  onUnlocked: () => void;
}

const TOTAL = 3;

/** The three enrolment steps; focus moves to each step's heading, and to the field after a failure. */
export function SetupSteps(props: Props) {
  const { start, step, onStep, onCancel } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [step]);

  return (
    <div class="setup-step">
      <p class="steps-progress">{t.stepOf(step, TOTAL)}</p>
      {step === 1 ? (
        <>
          <h3 ref={headingRef} tabIndex={-1}>{t.steps.app}</h3>
          <p>{t.appText}</p>
          <p class="muted">{t.haveApp}</p>
        </>
      ) : null}
      {step === 2 ? (
        <>
          <h3 ref={headingRef} tabIndex={-1}>{t.steps.scan}</h3>
          <p>{t.scanText}</p>
          <div class="scan-layout">
            <QrCode
              text={start.otpauthUri}
              label={t.qrAlt(start.issuer, start.account)}
              fallbackSrc={start.qrImage}
              fallbackLabel={t.qrFallbackAlt(start.issuer)}
            />
            <SetupKey setupKey={start.setupKey} account={start.account} issuer={start.issuer} />
          </div>
        </>
      ) : null}
      {step === 3 ? <CodeStep {...props} headingRef={headingRef} /> : null}
      <div class="step-actions">
        {step > 1 ? (
          <button type="button" onClick={() => onStep((step - 1) as SetupStep)} disabled={Boolean(props.busy)}>
            {t.back}
          </button>
        ) : null}
        {step < TOTAL ? (
          <button type="button" class="primary" onClick={() => onStep((step + 1) as SetupStep)}>
            {t.next}
          </button>
        ) : null}
        <button type="button" onClick={onCancel} disabled={Boolean(props.busy)}>
          {t.cancel}
        </button>
      </div>
    </div>
  );
}

function CodeStep(props: Props & { headingRef: RefObject<HTMLHeadingElement> }) {
  const { code, onCode, onSubmit, busy, error, warning, attemptsLeft, lockedUntil, onUnlocked, headingRef } = props;
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const errorId = `${id}-error`;
  const isLocked = lockedUntil !== null;
  const attemptsText = attemptsLeft !== null && !isLocked && !error ? t.attemptsLeft(attemptsLeft) : null;
  const status = [busy, warning, attemptsText].filter(Boolean).join(' ');
  useEffect(() => {
    if (error && !isLocked) inputRef.current?.focus();
  }, [error, isLocked]);

  return (
    <>
      <h3 ref={headingRef} tabIndex={-1}>{t.steps.code}</h3>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy && !isLocked) onSubmit();
        }}
      >
        <CodeInput id={`${id}-code`} value={code} onValue={onCode} errorId={error ? errorId : null} disabled={Boolean(busy) || isLocked} inputRef={inputRef} />
        <div class="step-actions">
          <button type="submit" class="primary" disabled={Boolean(busy) || isLocked}>
            {t.submit}
          </button>
        </div>
      </form>
      {isLocked ? (
        <div class="notice error">
          <p><strong>{t.lockedTitle}</strong></p>
          <p>{t.locked}</p>
          <Countdown until={lockedUntil} label={t.tryAgainIn} onDone={onUnlocked} />
        </div>
      ) : null}
      <div role="alert" id={errorId} class={error ? 'notice error feedback' : 'feedback'}>
        {error}
      </div>
      <div role="status" class={status ? `notice ${warning ? 'warn' : ''} feedback` : 'feedback'}>
        {status}
      </div>
    </>
  );
}
