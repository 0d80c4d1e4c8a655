import { Copy } from 'lucide';
import { icon } from './draw';

export const IconCopy = /* @__PURE__ */ icon(Copy);
