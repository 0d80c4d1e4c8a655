import { RefreshCw } from 'lucide';
import { icon } from './draw';

export const IconRefresh = /* @__PURE__ */ icon(RefreshCw);
