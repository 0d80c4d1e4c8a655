import { t } from './t';

/** Strings of the options pages' frame (components/OptionsShell.tsx): breadcrumb and footer. Options pages only. */
export const shell = {
  breadcrumbLabel: t('shell.breadcrumbLabel'),
  version: (v: string) => t('shell.version', v),
  reportProblem: t('shell.reportProblem'),
  source: t('shell.source'),
  opensInNewTab: t('shell.opensInNewTab'),
} as const;
