/**
 * The extension's icon set: Lucide (lucide-preact, ISC licence), imported one icon at a time so the bundler keeps
 * only the icons a page uses (the package declares no side effects). Every UI icon comes from here, under a name
 * that says its role, so the same meaning always has the same picture. Icons are decorative (aria-hidden, set by
 * lucide); the words next to them carry the meaning for screen readers.
 */
export {
  ShieldCheck as IconOn,
  ShieldAlert as IconAttention,
  ShieldOff as IconOff,
  CircleCheck as IconSuccess,
  TriangleAlert as IconWarning,
  CircleAlert as IconError,
  Info as IconInfo,
  Copy as IconCopy,
  RefreshCw as IconRefresh,
  Settings as IconSettings,
  Trash2 as IconDelete,
  ExternalLink as IconExternal,
  Lock as IconLocked,
  ChevronRight as IconChevron,
  X as IconClose,
  Search as IconSearch,
  Download as IconDownload,
  Printer as IconPrint,
  Ellipsis as IconMore,
} from 'lucide-preact';
