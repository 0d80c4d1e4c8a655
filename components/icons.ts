/**
 * The extension's icon set: Lucide's icons (the `lucide` package, ISC licence) as plain data, drawn by a few lines
 * (icon-set/draw.ts) instead of lucide-preact's runtime (about 1 KB gzip less in the popup). The package declares no side effects
 * and each icon is its own module here too (icon-set/<name>.ts, re-exported below), so a page's chunks carry
 * only the icons that page uses, not every icon of the set. Every UI icon comes from here under a
 * name that says its role, so one meaning always has one picture. Icons are decorative: hidden from screen readers
 * (aria-hidden), the words next to them carry the meaning.
 */
export type { IconComponent, IconProps } from './icon-set/draw';
export { IconOn } from './icon-set/on';
export { IconAttention } from './icon-set/attention';
export { IconOff } from './icon-set/off';
export { IconSuccess } from './icon-set/success';
export { IconWarning } from './icon-set/warning';
export { IconError } from './icon-set/error';
export { IconInfo } from './icon-set/info';
export { IconCopy } from './icon-set/copy';
export { IconRefresh } from './icon-set/refresh';
export { IconSettings } from './icon-set/settings';
export { IconDelete } from './icon-set/delete';
export { IconExternal } from './icon-set/external';
export { IconLocked } from './icon-set/locked';
export { IconChevron } from './icon-set/chevron';
export { IconClose } from './icon-set/close';
export { IconSearch } from './icon-set/search';
export { IconDownload } from './icon-set/download';
export { IconPrint } from './icon-set/print';
export { IconMore } from './icon-set/more';
