import { ChevronRight } from 'lucide';
import { icon } from './draw';

export const IconChevron = /* @__PURE__ */ icon(ChevronRight);
