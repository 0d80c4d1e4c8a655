import { registerErrorText } from '../../messages';
import { describePanelError } from './messages';

// The panel's own errors are put into words here; the core only knows there is such a kind. Imported (for this
// effect) by the Navixy screens, which are the only ones that can meet a panel error, so the DocSpace popup does
// not carry the Navixy sentences.
registerErrorText('panel', describePanelError);
