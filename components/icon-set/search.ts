import { Search } from 'lucide';
import { icon } from './draw';

export const IconSearch = /* @__PURE__ */ icon(Search);
