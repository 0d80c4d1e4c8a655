import { X } from 'lucide';
import { icon } from './draw';

export const IconClose = /* @__PURE__ */ icon(X);
