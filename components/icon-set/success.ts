import { CircleCheck } from 'lucide';
import { icon } from './draw';

export const IconSuccess = /* @__PURE__ */ icon(CircleCheck);
