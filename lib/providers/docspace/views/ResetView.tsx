import '../error-text';
import { useEffect, useRef, useState } from 'preact/hooks';
import { call } from '../call';
import type { AppError } from '../../../errors';
import type { EnrolmentStart } from '../protocol';
import { reset as t } from '../i18n/enrolment';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { ErrorNotice } from '../../../../components/ErrorNotice';
import { Notice } from '../../../../components/Notice';
import { EnrolmentView } from './EnrolmentView';
import type { ViewProps } from './views';

type State =
  | { status: 'idle' }
  | { status: 'confirming' }
  | { status: 'resetting' }
  | { status: 'error'; error: AppError }
  | { status: 'enrolling' };

/** Reset my authenticator behind a confirmation, then continue straight into enrolment. */
export function ResetView(props: ViewProps) {
  const { origin } = props;
  const [state, setState] = useState<State>({ status: 'idle' });
  // The setup key is handed to the enrolment once and not kept here (it keeps its own copy until setup ends).
  const handoff = useRef<EnrolmentStart | null>(null);
  useEffect(() => {
    if (state.status === 'enrolling') handoff.current = null;
  }, [state.status]);

  const handleReset = async () => {
    setState({ status: 'resetting' });
    const reply = await call({ type: 'resetMyApp', origin });
    if (reply.ok) handoff.current = reply.value;
    setState(reply.ok ? { status: 'enrolling' } : { status: 'error', error: reply.error });
    if (reply.ok) props.onStatusChange?.();
  };

  if (state.status === 'enrolling') {
    return (
      <>
        <Notice kind="ok" role="status">
          <p>{t.done}</p>
        </Notice>
        <EnrolmentView {...props} initial={handoff.current ?? undefined} />
      </>
    );
  }
  return (
    <section aria-labelledby="reset-title">
      <h2 id="reset-title">{t.title}</h2>
      <p>{t.intro}</p>
      <ul>
        {t.consequences.map((line) => <li key={line}>{line}</li>)}
      </ul>
      <button type="button" class="danger" onClick={() => setState({ status: 'confirming' })}>
        {t.start}
      </button>
      {state.status === 'error' ? <ErrorNotice error={state.error} /> : null}
      {state.status === 'confirming' || state.status === 'resetting' ? (
        <ConfirmDialog
          title={t.confirmTitle}
          confirmLabel={t.confirm}
          busyLabel={t.resetting}
          busy={state.status === 'resetting'}
          onConfirm={handleReset}
          onCancel={() => setState({ status: 'idle' })}
        >
          <ul>
            {t.consequences.map((line) => <li key={line}>{line}</li>)}
          </ul>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
