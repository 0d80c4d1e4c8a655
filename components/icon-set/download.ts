import { Download } from 'lucide';
import { icon } from './draw';

export const IconDownload = /* @__PURE__ */ icon(Download);
