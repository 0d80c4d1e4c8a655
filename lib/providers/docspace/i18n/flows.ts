import { plural, t } from '../../../i18n/t';
import { cleanBidi, isolate } from '../../../i18n/bidi';

/**
 * Strings of the options pages' flows added by the issue-27 design pass: the enrolment stepper and key disclosure,
 * the backup-code chips and acknowledgement, and the policy editor's review bar, cards and chips. Options only.
 */
export const flows = {
  stepper: {
    label: t('flows.stepper.label'),
    done: t('flows.stepper.done'),
    /** Short names for the stepper's segments (the step headings keep the long ones). */
    names: [t('flows.stepper.app'), t('flows.stepper.scan'), t('flows.stepper.code')],
  },
  manualKey: t('flows.manualKey'),
  codes: {
    /** The count chip: "5 codes left", the last one said in words, none left said in words. */
    left: (n: number) => (n === 0 ? t('flows.codes.none') : plural('flows.codes.left', n)),
    actions: t('flows.codes.actions'),
    saved: t('flows.codes.saved'),
    done: t('flows.codes.done'),
    doneHint: t('flows.codes.doneHint'),
    finished: t('flows.codes.finished'),
  },
  policy: {
    changes: (n: number) => plural('flows.policy.changes', n),
    bar: t('flows.policy.bar'),
    listsInactive: t('flows.policy.listsInactive'),
    searchPeople: t('flows.policy.searchPeople'),
    searchGroups: t('flows.policy.searchGroups'),
    // An accessible name only (never drawn): no isolate needed.
    removeFromList: (name: string) => t('flows.policy.removeFromList', cleanBidi(name)),
    ipPrivate: (line: number, input: string) => t('flows.policy.ipPrivate', String(line), isolate(input)),
  },
} as const;
