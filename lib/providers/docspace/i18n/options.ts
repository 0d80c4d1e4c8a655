import type { ViewName } from '../views/views';
import { t } from '../../../i18n/t';

/** Strings of the options page shell. */
export const options = {
  viewsLabel: t('options.viewsLabel'),
  views: {
    enrol: t('options.views.enrol'),
    codes: t('options.views.codes'),
    reset: t('options.views.reset'),
    owner: t('options.views.owner'),
    policy: t('options.views.policy'),
    coverage: t('options.views.coverage'),
    portals: t('options.views.portals'),
  } satisfies Record<ViewName, string>,
  /** The authenticator's state beside "Authenticator" in the navigation. */
  state: { setUp: t('options.state.setUp'), notSetUp: t('options.state.notSetUp') },
} as const;
