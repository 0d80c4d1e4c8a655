import type { Enrolment } from '../protocol';
import { lowOnBackupCodes } from '../tfa/low-codes';
import { popup as t } from '../i18n/popup';

/**
 * One or no unused backup codes left: says what that risks, with one button to make a new set (the backup codes
 * page, which makes them at once when none are left and asks first when one still works). Nothing otherwise.
 */
export function LowCodesNotice({ enrolment, onMakeNew }: { enrolment: Enrolment; onMakeNew: () => void }) {
  if (!lowOnBackupCodes(enrolment) || enrolment.state !== 'enrolled') return null;
  return (
    <div class="notice warn">
      <p>{t.lowCodes(enrolment.unusedCodes ?? 0)}</p>
      <button type="button" class="primary" onClick={onMakeNew}>{t.makeNewCodes}</button>
    </div>
  );
}
