import { owner as t } from '../i18n/enrolment';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';

interface Props {
  name: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The owner's confirmation before resetting someone's authenticator (owner tools and the coverage view's rows). */
export function ResetUserConfirm({ name, busy, onConfirm, onCancel }: Props) {
  return (
    <ConfirmDialog title={t.confirmTitle(name)} confirmLabel={t.confirm} busy={busy} onConfirm={onConfirm} onCancel={onCancel}>
      <ul>
        {t.consequences.map((line) => <li key={line}>{line}</li>)}
      </ul>
    </ConfirmDialog>
  );
}
