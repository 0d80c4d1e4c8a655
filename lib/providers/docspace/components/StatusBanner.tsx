import './status.css';
import type { StatusTone } from '../../../protocol';
import type { StatusIcon } from '../status-model';
import { IconAttention, IconOff, IconOn } from '../../../../components/icons';

interface Props {
  tone: StatusTone;
  icon: StatusIcon;
  title: string;
  /** A second line under the title ("5 of 5 backup codes left"). */
  detail?: string | null;
  /** Smaller, for an overview card (the popup's has a 24 px icon). */
  compact?: boolean;
}

const ICONS = { on: IconOn, attention: IconAttention, off: IconOff } as const;

/**
 * The status line of the status model (status-model.ts): an icon and words, tinted by tone. The words carry the
 * meaning; the icon and the colour repeat it (never colour alone).
 */
export function StatusBanner({ tone, icon, title, detail, compact = false }: Props) {
  const Icon = ICONS[icon];
  return (
    <div class={`status-banner tone-${tone} ${compact ? 'small' : 'large'}`} data-tone={tone}>
      <Icon size={compact ? 20 : 24} aria-hidden="true" class="status-icon" />
      <div>
        <p class="status-title">{title}</p>
        {detail ? <p class="status-detail">{detail}</p> : null}
      </div>
    </div>
  );
}
