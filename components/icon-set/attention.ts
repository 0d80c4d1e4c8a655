import { ShieldAlert } from 'lucide';
import { icon } from './draw';

export const IconAttention = /* @__PURE__ */ icon(ShieldAlert);
