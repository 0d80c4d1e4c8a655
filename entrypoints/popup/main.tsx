import { render } from 'preact';
import '../../components/theme.css';
import './popup.css';
import { ProviderPopup } from './ProviderPopup';
import { locale, t } from '../../lib/i18n/t';

// The page speaks the language of the messages the browser chose (screen readers, hyphenation).
document.documentElement.lang = locale();
// The toolbar button's own title (badge.defaultTitle), read directly: the badge strings are the background's.
document.title = t('badge.defaultTitle');

render(<ProviderPopup />, document.getElementById('app')!);
