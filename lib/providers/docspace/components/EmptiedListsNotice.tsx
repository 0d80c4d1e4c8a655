import { useId } from 'preact/hooks';
import type { EmptiedLists } from '../protocol';
import { emptiedText as t } from '../i18n/policy-impact';

interface Props {
  emptied: EmptiedLists;
  now: number;
  /** Puts the held lists into the editor's draft and opens the review (never saves by itself). */
  onRestore: () => void;
  onDismiss: () => void;
}

/**
 * Issue 26, §4: the policy is on, but lists this browser session last saw filled are empty now; most likely the
 * portal's own settings page saved only the method. What they held, when last seen, and a way back through the review.
 */
export function EmptiedListsNotice({ emptied, now, onRestore, onDismiss }: Props) {
  const id = useId();
  const held = emptied.held ?? { trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] };
  const items: [string, string][] = [];
  if (emptied.trustedIps) items.push(['ips', t.trustedIps(emptied.trustedIps, held.trustedIps)]);
  if (emptied.mandatoryUsers) items.push(['users', t.mandatoryUsers(emptied.mandatoryUsers, held.mandatoryUsers)]);
  if (emptied.mandatoryGroups) items.push(['groups', t.mandatoryGroups(emptied.mandatoryGroups, held.mandatoryGroups)]);
  return (
    <div class="notice warn emptied-lists" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.heading}</h3>
      <p>{t.body(now - emptied.seenAt)}</p>
      <ul>
        {items.map(([key, text]) => <li key={key}>{text}</li>)}
      </ul>
      <p>{t.cause}</p>
      <p class="muted">{t.held}</p>
      <div class="form-actions">
        {emptied.held && emptied.restorable ? <button type="button" class="primary" onClick={onRestore}>{t.restore}</button> : null}
        <button type="button" onClick={onDismiss}>{t.dismiss}</button>
      </div>
    </div>
  );
}
