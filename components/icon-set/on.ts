import { ShieldCheck } from 'lucide';
import { icon } from './draw';

export const IconOn = /* @__PURE__ */ icon(ShieldCheck);
