import type { ComponentChildren } from 'preact';
import type { IconComponent } from './icons';
import { IconError, IconInfo, IconSuccess, IconWarning } from './icons';

export type NoticeKind = 'ok' | 'warn' | 'error' | 'info';

const ICONS = { ok: IconSuccess, warn: IconWarning, error: IconError, info: IconInfo } as const;

interface Props {
  kind: NoticeKind;
  /** A bold first line; the children explain it. */
  title?: string;
  /** A live region: 'status' for news, 'alert' for a failure (absent: part of the page, announced with it). */
  role?: 'status' | 'alert';
  /** Buttons or links, on their own row under the text. */
  action?: ComponentChildren;
  /** Extra classes (a page's own layout hook). */
  class?: string;
  children?: ComponentChildren;
}

/**
 * A notice whose kind shows at a glance: a tinted fill with a coloured edge (theme.css `.notice.<kind>`), the
 * kind's icon, a bold title line and the action on its own row. The icon is decorative: the words say it all.
 */
export function Notice(props: Props) {
  return <NoticeBox {...props} icon={ICONS[props.kind]} />;
}

/**
 * The same notice with its icon given: a page that shows one kind only (the popup's ErrorNotice) then carries
 * that one icon, not all four.
 */
export function NoticeBox({ kind, title, role, action, class: extra, icon: Icon, children }: Props & { icon: IconComponent }) {
  return (
    <div class={`notice ${kind} with-icon${extra ? ` ${extra}` : ''}`} role={role}>
      <Icon class="notice-icon" aria-hidden="true" size={20} />
      <div class="notice-body">
        {title ? <strong class="notice-title">{title}</strong> : null}
        {children}
        {action ? <div class="notice-action">{action}</div> : null}
      </div>
    </div>
  );
}
