import type { ViewName } from '../views';

/** English strings of the options page shell. */
export const options = {
  titleFor: (host: string) => `Two-factor authentication · ${host}`,
  viewsLabel: 'Sections',
  views: {
    enrol: 'Set up authenticator',
    codes: 'Backup codes',
    reset: 'Reset my authenticator',
    owner: 'Owner tools',
    policy: 'Portal policy',
    portals: 'Portals',
  } satisfies Record<ViewName, string>,
} as const;
