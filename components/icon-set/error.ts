import { CircleAlert } from 'lucide';
import { icon } from './draw';

export const IconError = /* @__PURE__ */ icon(CircleAlert);
