import type { Enrolment } from '../protocol';
import { lowOnBackupCodes } from '../tfa/low-codes';
import { popup as t } from '../i18n/popup';

/**
 * One or no unused backup codes left: says what that risks. The way out ("Make new backup codes") is the popup's
 * one primary action right under it (StatusActions); nothing otherwise.
 */
export function LowCodesNotice({ enrolment }: { enrolment: Enrolment }) {
  if (!lowOnBackupCodes(enrolment) || enrolment.state !== 'enrolled') return null;
  return (
    <div class="notice warn">
      <p>{t.lowCodes(enrolment.unusedCodes ?? 0)}</p>
    </div>
  );
}
