import { Trash2 } from 'lucide';
import { icon } from './draw';

export const IconDelete = /* @__PURE__ */ icon(Trash2);
