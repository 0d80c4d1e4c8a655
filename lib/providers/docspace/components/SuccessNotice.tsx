import type { ComponentChildren } from 'preact';
import { IconSuccess } from '../../../../components/icons';
import './enrolment.css';

/** A success panel: a check icon beside the words (the words carry the meaning; the icon is decorative). */
export function SuccessNotice({ children, role }: { children: ComponentChildren; role?: 'status' }) {
  return (
    <div class="notice ok with-icon" role={role}>
      <IconSuccess size={20} aria-hidden="true" />
      <div>{children}</div>
    </div>
  );
}
