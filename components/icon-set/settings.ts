import { Settings } from 'lucide';
import { icon } from './draw';

export const IconSettings = /* @__PURE__ */ icon(Settings);
