import { render } from 'preact';
import '../../components/theme.css';
import './options.css';
import { ProviderOptions } from './ProviderOptions';
import { locale } from '../../lib/i18n/t';
import { common } from '../../lib/i18n/common';

// The page speaks the language of the messages the browser chose (screen readers, hyphenation).
document.documentElement.lang = locale();
document.title = common.appName;

render(<ProviderOptions />, document.getElementById('app')!);
