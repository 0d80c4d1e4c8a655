import { Printer } from 'lucide';
import { icon } from './draw';

export const IconPrint = /* @__PURE__ */ icon(Printer);
