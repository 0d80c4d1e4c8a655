import { t } from '../lib/i18n/t';
import { IconRefresh, IconSettings } from './icons';

interface Props {
  /** The site the popup describes (its host), shown bold. */
  title: string;
  /** A small caption under it ("DocSpace 3.7"). */
  subtitle?: string;
  /** Reads the status again; the button is shown only with a handler. */
  onRefresh?: () => void;
  /** A read is under way: the refresh button is disabled and busy. */
  refreshing?: boolean;
  /** Opens the options page; the button is shown only with a handler. */
  onSettings?: () => void;
}

/**
 * The popup's header (issue 27): the extension's mark, the site in bold with a caption under it, and icon buttons
 * to check again and to open the settings, each named for screen readers; a 1 px divider under it.
 */
export function PopupHeader({ title, subtitle, onRefresh, refreshing = false, onSettings }: Props) {
  return (
    <header class="popup-header">
      <span class="brand"><img src="/icon/32.png" alt="" width={20} height={20} /></span>
      <div class="popup-title">
        <h1>{title}</h1>
        {subtitle ? <p class="muted caption">{subtitle}</p> : null}
      </div>
      <div class="header-actions">
        {onRefresh ? (
          <button type="button" class="icon-button" aria-label={t('popup.header.refresh')} title={t('popup.header.refresh')}
            disabled={refreshing} aria-busy={refreshing} onClick={onRefresh}>
            <IconRefresh size={18} aria-hidden="true" class={refreshing ? 'spin' : undefined} />
          </button>
        ) : null}
        {onSettings ? (
          <button type="button" class="icon-button" aria-label={t('popup.header.settings')} title={t('popup.header.settings')} onClick={onSettings}>
            <IconSettings size={18} aria-hidden="true" />
          </button>
        ) : null}
      </div>
    </header>
  );
}
