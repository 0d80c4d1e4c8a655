import { useEffect, useState } from 'preact/hooks';
import { call } from '../call';
import type { AppError } from '../../../errors';
import type { BackupCode } from '../protocol';
import { hostOf } from '../../../portal/origin';
import { unusedCount } from '../tfa/backup-codes';
import { backupCodes as t } from '../i18n/enrolment';
import { BackupCodeList } from '../components/BackupCodeList';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { ErrorNotice } from '../../../../components/ErrorNotice';
import { Notice } from '../../../../components/Notice';
import { IconSuccess } from '../../../../components/icons';
import { CodesSavedAck } from '../components/CodesSavedAck';
import type { ViewProps } from './views';

type State =
  | { status: 'loading' }
  /** `fresh`: just made here; the page asks "I have saved these codes" + Done before treating them as the usual list. */
  | { status: 'ready'; codes: BackupCode[]; fresh?: boolean }
  | { status: 'error'; error: AppError };

/** My backup codes: view (used ones marked), copy, download, print, and regenerate after a confirmation. */
export function BackupCodesView({ origin, navigate, params }: ViewProps) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [isConfirming, setConfirming] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [actionError, setActionError] = useState<AppError | null>(null);

  const load = async () => {
    setState({ status: 'loading' });
    const reply = await call({ type: 'getBackupCodes', origin });
    setState(reply.ok ? { status: 'ready', codes: reply.value } : { status: 'error', error: reply.error });
    return reply.ok ? reply.value : null;
  };
  useEffect(() => {
    void (async () => {
      const codes = await load();
      // "Make new backup codes" (popup, Portals page): with none left nothing is lost, so they are made at once;
      // while one still works the page asks first, as the button here does.
      if (params.get('regenerate') !== '1') return;
      // Once only: a reload or Back must not make another set.
      const url = new URL(location.href);
      url.searchParams.delete('regenerate');
      history.replaceState(null, '', url);
      if (!codes) return;
      if (unusedCount(codes) === 0) await handleRegenerate();
      else setConfirming(true);
    })();
  }, [origin]);

  const handleRegenerate = async () => {
    setBusy(true);
    setActionError(null);
    const reply = await call({ type: 'regenerateBackupCodes', origin });
    setBusy(false);
    setConfirming(false);
    if (!reply.ok) {
      setActionError(reply.error);
      return;
    }
    setState({ status: 'ready', codes: reply.value, fresh: true });
    setAnnounce(t.regenerated);
  };

  return (
    <section aria-labelledby="codes-title">
      <h2 id="codes-title">{t.title}</h2>
      <p>{t.intro}</p>
      <p role="status" class={announce ? 'notice ok with-icon' : state.status === 'loading' ? 'muted' : 'visually-hidden'}>
        {announce && state.status !== 'loading' ? <IconSuccess class="notice-icon" size={20} aria-hidden="true" /> : null}
        {state.status === 'loading' ? t.loading : announce}
      </p>
      {state.status === 'error' ? <CodesFailed error={state.error} onRetry={load} onEnrol={() => navigate('enrol')} /> : null}
      {state.status === 'ready' ? (
        <>
          {unusedCount(state.codes) === 0 ? <Notice kind="warn"><p>{t.none}</p></Notice> : null}
          <BackupCodeList codes={state.codes} host={hostOf(origin)} />
          {state.fresh ? (
            <CodesSavedAck
              onDone={() => {
                setState({ status: 'ready', codes: state.codes });
                setAnnounce('');
              }}
            />
          ) : (
            <div class="danger-zone no-print">
              <button type="button" class="danger" onClick={() => setConfirming(true)}>
                {t.regenerate}
              </button>
            </div>
          )}
        </>
      ) : null}
      {actionError ? <ErrorNotice error={actionError} /> : null}
      {isConfirming ? (
        <ConfirmDialog
          title={t.regenerateTitle}
          confirmLabel={t.regenerateConfirm}
          busy={isBusy}
          onConfirm={handleRegenerate}
          onCancel={() => setConfirming(false)}
        >
          <p>{t.regenerateText}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function CodesFailed({ error, onRetry, onEnrol }: { error: AppError; onRetry: () => void; onEnrol: () => void }) {
  if (error.kind !== 'notAvailable') return <ErrorNotice error={error} onRetry={onRetry} />;
  return (
    <Notice
      kind="warn"
      role="alert"
      action={
        <button type="button" class="primary" onClick={onEnrol}>
          {t.enrolNow}
        </button>
      }
    >
      <p>{t.notEnrolled}</p>
    </Notice>
  );
}
