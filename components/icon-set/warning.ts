import { TriangleAlert } from 'lucide';
import { icon } from './draw';

export const IconWarning = /* @__PURE__ */ icon(TriangleAlert);
