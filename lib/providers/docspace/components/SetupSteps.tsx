import type { ComponentChildren, RefObject } from 'preact';
import { Notice } from '../../../../components/Notice';
import { useEffect, useId, useRef } from 'preact/hooks';
import type { EnrolmentStart } from '../protocol';
import { enrolment as t } from '../i18n/enrolment';
import { QrCode } from './QrCode';
import { SetupKey } from './SetupKey';
import { CodeInput } from './CodeInput';
import { Countdown } from './Countdown';
import { Stepper } from './Stepper';
import { flows } from '../i18n/flows';
import '../../../../components/dialog.css';
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

/**
 * The button row of every step: Cancel, quiet, on the left; then Back; then the step's primary on the right.
 */
function StepActions({ step, onStep, onCancel, busy, children }: { step: SetupStep; onStep: Props['onStep']; onCancel: () => void; busy: boolean; children: ComponentChildren }) {
  return (
    <div class="action-row step-actions">
      <button type="button" class="quiet" onClick={onCancel} disabled={busy}>
        {t.cancel}
      </button>
      {step > 1 ? (
        <button type="button" onClick={() => onStep((step - 1) as SetupStep)} disabled={busy}>
          {t.back}
        </button>
      ) : null}
      {children}
    </div>
  );
}

/** The three enrolment steps under a stepper; focus moves to each step's heading, and to the field after a failure. */
export function SetupSteps(props: Props) {
  const { start, step, onStep, onCancel } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [step]);
  const next = (
    <button type="button" class="primary" onClick={() => onStep((step + 1) as SetupStep)}>
      {t.next}
    </button>
  );

  return (
    <div class="setup-step">
      <Stepper steps={flows.stepper.names} current={step} stepOf={t.stepOf(step, TOTAL)} />
      {step === 1 ? (
        <>
          <h3 ref={headingRef} tabIndex={-1}>{t.steps.app}</h3>
          <p>{t.appText}</p>
          <p class="muted">{t.haveApp}</p>
          <StepActions step={step} onStep={onStep} onCancel={onCancel} busy={Boolean(props.busy)}>{next}</StepActions>
        </>
      ) : null}
      {step === 2 ? (
        <>
          <h3 ref={headingRef} tabIndex={-1}>{t.steps.scan}</h3>
          <p>{t.scanText}</p>
          <div class="scan-layout">
            <div class="qr-card">
              <QrCode
                text={start.otpauthUri}
                label={t.qrAlt(start.issuer, start.account)}
                fallbackSrc={start.qrImage}
                fallbackLabel={t.qrFallbackAlt(start.issuer)}
              />
            </div>
            <SetupKey setupKey={start.setupKey} account={start.account} issuer={start.issuer} />
          </div>
          <StepActions step={step} onStep={onStep} onCancel={onCancel} busy={Boolean(props.busy)}>{next}</StepActions>
        </>
      ) : null}
      {step === 3 ? <CodeStep {...props} headingRef={headingRef} /> : null}
    </div>
  );
}

function CodeStep(props: Props & { headingRef: RefObject<HTMLHeadingElement> }) {
  const { step, onStep, onCancel, code, onCode, onSubmit, busy, error, warning, attemptsLeft, lockedUntil, onUnlocked, headingRef } = props;
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
        <StepActions step={step} onStep={onStep} onCancel={onCancel} busy={Boolean(busy)}>
          <button type="submit" class="primary" disabled={Boolean(busy) || isLocked}>
            {t.submit}
          </button>
        </StepActions>
      </form>
      {isLocked ? (
        <Notice kind="error" title={t.lockedTitle}>
          <p>{t.locked}</p>
          <Countdown until={lockedUntil} label={t.tryAgainIn} onDone={onUnlocked} />
        </Notice>
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
