import { render } from 'preact';
import '../../components/theme.css';
import './popup.css';
import { ProviderPopup } from './ProviderPopup';
import { locale } from '../../lib/i18n/t';
import { badge } from '../../lib/providers/docspace/i18n/badge';

// The page speaks the language of the messages the browser chose (screen readers, hyphenation).
document.documentElement.lang = locale();
document.title = badge.defaultTitle;

render(<ProviderPopup />, document.getElementById('app')!);
