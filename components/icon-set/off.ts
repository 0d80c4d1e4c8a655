import { ShieldOff } from 'lucide';
import { icon } from './draw';

export const IconOff = /* @__PURE__ */ icon(ShieldOff);
