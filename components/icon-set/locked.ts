import { Lock } from 'lucide';
import { icon } from './draw';

export const IconLocked = /* @__PURE__ */ icon(Lock);
