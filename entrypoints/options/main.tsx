import { render } from 'preact';
import '../../components/theme.css';
import './options.css';
import { ProviderOptions } from './ProviderOptions';

render(<ProviderOptions />, document.getElementById('app')!);
