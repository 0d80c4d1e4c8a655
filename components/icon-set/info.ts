import { Info } from 'lucide';
import { icon } from './draw';

export const IconInfo = /* @__PURE__ */ icon(Info);
