import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { common } from '../lib/i18n/common';
import './dialog.css';

interface Props {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  busyLabel?: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** The confirm button's weight: `danger` (the default: quiet, outlined, for what cannot be undone) or `primary`. */
  tone?: 'danger' | 'primary';
}

/**
 * A modal confirmation on the native <dialog>: focus is trapped inside, Escape cancels,
 * and focus starts on Cancel so that Enter never confirms by accident. Buttons as in every step and dialog:
 * Cancel, quiet, on the left; the action on the right.
 */
export function ConfirmDialog({ title, children, confirmLabel, busyLabel, busy = false, onConfirm, onCancel, tone = 'danger' }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      class="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`}>{children}</div>
      <div class="dialog-actions">
        <button type="button" class="quiet" ref={cancelRef} onClick={onCancel} disabled={busy}>
          {common.cancel}
        </button>
        <button type="button" class={tone} onClick={onConfirm} disabled={busy}>
          {busy && busyLabel ? busyLabel : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
