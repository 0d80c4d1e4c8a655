import type { TfaMethod } from '../schemas';
import type { Mismatch } from '../tfa/policy-diff';
import { common } from '../../../i18n/common';
import { formatList, plural, t } from '../../../i18n/t';
import { isolate } from '../../../i18n/bidi';

/**
 * The sentences the background writes when it saves a policy (refusals before sending, differences after):
 * apart from the editor's strings (./policy), so the background does not carry the whole editor's text.
 */

/** "a", "a and b", "a, b and c", in the current language. */
export function joinWords(items: string[]): string {
  return items.length <= 1 ? items.join('') : formatList(items);
}

const FIELD = {
  trustedIps: t('policy.mismatch.field.trustedIps'),
  mandatoryUsers: t('policy.mismatch.field.mandatoryUsers'),
  mandatoryGroups: t('policy.mismatch.field.mandatoryGroups'),
} satisfies Record<Exclude<Mismatch['field'], 'method'>, string>;

/** The first five by name, then "…": a mismatch over thousands of ids stays one readable sentence. */
function firstFew(ids: string[], nameOf: (id: string) => string): string {
  const named = ids.slice(0, 5).map((id) => isolate(nameOf(id)));
  return ids.length > 5 ? `${named.join(', ')}, …` : joinWords(named);
}

/** One sentence per difference between what was sent and what the portal holds. */
export function describeMismatch(m: Mismatch, nameOf: (id: string) => string = (v) => v): string {
  if (m.field === 'method') {
    return t('policy.mismatch.method', common.method[m.held], common.method[m.expected]);
  }
  const parts: string[] = [];
  if (m.missing.length) {
    parts.push(plural('policy.mismatch.missing', m.missing.length, firstFew(m.missing, nameOf)));
  }
  if (m.unexpected.length) {
    parts.push(plural('policy.mismatch.unexpected', m.unexpected.length, firstFew(m.unexpected, nameOf)));
  }
  return t('policy.mismatch.line', FIELD[m.field], parts.join('; '));
}

/** Why the background refuses a save before sending it, or could not read something back. */
export const policySave = {
  notAdmin: t('policy.notAdmin'),
  invalidIps: (lines: string[]) => t('policy.invalidIps', lines.slice(0, 10).map(isolate).join(', ') + (lines.length > 10 ? ', …' : '')),
  unread: (kind: string) => t('policy.unread', kind),
  methodUnavailable: (m: TfaMethod) => t('policy.methodUnavailable', common.method[m]),
  /** The save would trust a huge block without the review's confirmation: `entries` empty when only their sum is huge. */
  hugeNotConfirmed: (entries: string[]) => entries.length
    ? t('policy.hugeNotConfirmed.entries', entries.slice(0, 10).map(isolate).join(', ') + (entries.length > 10 ? ', …' : ''))
    : t('policy.hugeNotConfirmed.together'),
} as const;
