import { Ellipsis } from 'lucide';
import { icon } from './draw';

export const IconMore = /* @__PURE__ */ icon(Ellipsis);
