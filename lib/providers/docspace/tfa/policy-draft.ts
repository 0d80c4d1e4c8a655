import type { NamedEntity, PolicyView } from '../protocol';
import type { TfaMethod } from '../schemas';
import type { PolicyDraft } from './policy-diff';
import { parseTrustedIpList, type TrustedIpList } from './trusted-ips';

/** What the editor holds: the trusted IPs as typed, the lists with their names. */
export interface EditorDraft {
  method: TfaMethod;
  ipText: string;
  users: NamedEntity[];
  groups: NamedEntity[];
}

export function initialDraft(view: Pick<PolicyView, 'policy' | 'users' | 'groups'>): EditorDraft {
  const byId = (list: NamedEntity[], id: string): NamedEntity => list.find((e) => e.id.toLowerCase() === id.toLowerCase()) ?? { id, name: '' };
  return {
    method: view.policy.method,
    ipText: view.policy.trustedIps.join('\n'),
    users: view.policy.mandatoryUsers.map((id) => byId(view.users, id)),
    groups: view.policy.mandatoryGroups.map((id) => byId(view.groups, id)),
  };
}

/** The draft as it would be sent, plus the parse of the trusted IPs (invalid entries block saving). */
export function toPolicyDraft(d: EditorDraft): { draft: PolicyDraft; ips: TrustedIpList } {
  const ips = parseTrustedIpList(d.ipText);
  return {
    ips,
    draft: { method: d.method, trustedIps: ips.values, mandatoryUsers: d.users.map((u) => u.id), mandatoryGroups: d.groups.map((g) => g.id) },
  };
}
