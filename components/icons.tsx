import { h, type JSX } from 'preact';
import type { IconNode } from 'lucide';
import {
  ChevronRight, CircleAlert, CircleCheck, Copy, Download, Ellipsis, ExternalLink, Info, Lock, Printer, RefreshCw, Search,
  Settings, ShieldAlert, ShieldCheck, ShieldOff, Trash2, TriangleAlert, X,
} from 'lucide';

/**
 * The extension's icon set: Lucide's icons (the `lucide` package, ISC licence) as plain data, drawn by the few lines
 * below instead of lucide-preact's runtime (about 1 KB gzip less in the popup). The package declares no side effects
 * and each icon is its own module, so only the icons a page uses are bundled. Every UI icon comes from here under a
 * name that says its role, so one meaning always has one picture. Icons are decorative: hidden from screen readers
 * (aria-hidden), the words next to them carry the meaning.
 */
export interface IconProps {
  size?: number;
  class?: string;
  'aria-hidden'?: 'true' | boolean;
}
export type IconComponent = (props: IconProps) => JSX.Element;

function icon(node: IconNode): IconComponent {
  return ({ size = 24, class: extra }: IconProps) =>
    h(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg', width: size, height: size, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor',
        'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round', class: extra ? `lucide ${extra}` : 'lucide', 'aria-hidden': 'true',
      },
      node.map(([tag, attrs]) => h(tag, attrs)),
    );
}

export const IconOn = /* @__PURE__ */ icon(ShieldCheck);
export const IconAttention = /* @__PURE__ */ icon(ShieldAlert);
export const IconOff = /* @__PURE__ */ icon(ShieldOff);
export const IconSuccess = /* @__PURE__ */ icon(CircleCheck);
export const IconWarning = /* @__PURE__ */ icon(TriangleAlert);
export const IconError = /* @__PURE__ */ icon(CircleAlert);
export const IconInfo = /* @__PURE__ */ icon(Info);
export const IconCopy = /* @__PURE__ */ icon(Copy);
export const IconRefresh = /* @__PURE__ */ icon(RefreshCw);
export const IconSettings = /* @__PURE__ */ icon(Settings);
export const IconDelete = /* @__PURE__ */ icon(Trash2);
export const IconExternal = /* @__PURE__ */ icon(ExternalLink);
export const IconLocked = /* @__PURE__ */ icon(Lock);
export const IconChevron = /* @__PURE__ */ icon(ChevronRight);
export const IconClose = /* @__PURE__ */ icon(X);
export const IconSearch = /* @__PURE__ */ icon(Search);
export const IconDownload = /* @__PURE__ */ icon(Download);
export const IconPrint = /* @__PURE__ */ icon(Printer);
export const IconMore = /* @__PURE__ */ icon(Ellipsis);
