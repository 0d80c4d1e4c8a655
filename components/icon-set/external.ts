import { ExternalLink } from 'lucide';
import { icon } from './draw';

export const IconExternal = /* @__PURE__ */ icon(ExternalLink);
