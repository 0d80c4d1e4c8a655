import type { AppError } from '../lib/errors';
import { describeError } from '../lib/messages';
import { common } from '../lib/i18n/common';

interface Props {
  error: AppError;
  onRetry?: () => void;
}

/** One clear sentence naming the portal, the next step, and Retry where it helps. */
export function ErrorNotice({ error, onRetry }: Props) {
  const text = describeError(error);
  return (
    <div class="error-notice" role="alert">
      <p class="error-text">{text.message}</p>
      <p>{text.next}</p>
      {text.canRetry && onRetry ? (
        <button type="button" onClick={onRetry}>
          {common.retry}
        </button>
      ) : null}
    </div>
  );
}
