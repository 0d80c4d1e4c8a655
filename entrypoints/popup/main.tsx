import { render } from 'preact';
import '../../components/theme.css';
import './popup.css';
import { ProviderPopup } from './ProviderPopup';

render(<ProviderPopup />, document.getElementById('app')!);
