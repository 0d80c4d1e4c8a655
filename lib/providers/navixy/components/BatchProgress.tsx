import { navixy as t } from '../i18n';

export interface Progress {
  /** The batch being sent or last sent (1-based). */
  batch: number;
  batches: number;
  /** Users whose batch the panel accepted. */
  done: number;
  total: number;
}

/** Progress of a change sent in batches; the live region is always in the DOM so changes are announced. */
export function BatchProgress({ progress }: { progress: Progress | null }) {
  return (
    <div class="batch-progress">
      {progress ? <progress aria-label={t.users.progressLabel} max={progress.total} value={progress.done} /> : null}
      <p role="status">{progress ? t.users.progress(progress.batch, progress.batches, progress.done, progress.total) : ''}</p>
    </div>
  );
}
