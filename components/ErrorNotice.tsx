import type { AppError } from '../lib/errors';
import { describeError } from '../lib/messages';
import { common } from '../lib/i18n/common';
import { Notice } from './Notice';

interface Props {
  error: AppError;
  onRetry?: () => void;
}

/** One clear sentence naming the portal, the next step, and Retry where it helps: an error notice (icon, tint). */
export function ErrorNotice({ error, onRetry }: Props) {
  const text = describeError(error);
  return (
    <Notice
      kind="error"
      role="alert"
      class="error-notice"
      action={text.canRetry && onRetry ? <button type="button" onClick={onRetry}>{common.retry}</button> : undefined}
    >
      <p class="error-text">{text.message}</p>
      <p>{text.next}</p>
    </Notice>
  );
}
