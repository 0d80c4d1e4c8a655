import type { NamedEntity, PolicyView } from '../protocol';
import type { TfaMethod } from '../schemas';
import type { PolicyDraft } from './policy-diff';
import { parseTrustedIp, parseTrustedIpList, type TrustedIpLine, type TrustedIpList } from './trusted-ips';

/** What the editor holds: the trusted IPs as typed, the lists with their names. */
export interface EditorDraft {
  method: TfaMethod;
  ipText: string;
  users: NamedEntity[];
  groups: NamedEntity[];
  /**
   * Entries the portal holds that our editor would not accept (written by another client), trimmed. Left as
   * they are they do not block saving: they are shown, counted for nothing, and saving removes them.
   */
  storedInvalidIps: string[];
}

export function initialDraft(view: Pick<PolicyView, 'policy' | 'users' | 'groups'>): EditorDraft {
  // One map per list, not a search per id: a policy may name thousands.
  const index = (list: NamedEntity[]) => new Map(list.map((e) => [e.id.toLowerCase(), e]));
  const users = index(view.users);
  const groups = index(view.groups);
  const byId = (map: Map<string, NamedEntity>, id: string): NamedEntity => map.get(id.toLowerCase()) ?? { id, name: '' };
  return {
    method: view.policy.method,
    ipText: view.policy.trustedIps.join('\n'),
    users: view.policy.mandatoryUsers.map((id) => byId(users, id)),
    groups: view.policy.mandatoryGroups.map((id) => byId(groups, id)),
    storedInvalidIps: view.policy.trustedIps.map((ip) => ip.trim()).filter((ip) => ip && !parseTrustedIp(ip).ok),
  };
}

export interface DraftParse {
  draft: PolicyDraft;
  /** The trusted IPs as typed; `invalid` holds only what the admin typed (it blocks saving). */
  ips: TrustedIpList;
  /** Stored entries left as they were that are not valid: saving removes them. */
  droppedIps: TrustedIpLine[];
  /** Mandatory entries that are not ids: saving removes them. */
  droppedIds: NamedEntity[];
}

/** The draft as it would be sent, plus the parse of the trusted IPs and what saving removes. */
export function toPolicyDraft(d: EditorDraft): DraftParse {
  const parsed = parseTrustedIpList(d.ipText);
  const stored = new Set(d.storedInvalidIps);
  const droppedIps = parsed.invalid.filter((l) => stored.has(l.input));
  const ips = droppedIps.length ? { ...parsed, invalid: parsed.invalid.filter((l) => !stored.has(l.input)) } : parsed;
  const ids = (list: NamedEntity[]) => list.filter((e) => !e.invalid).map((e) => e.id);
  return {
    ips,
    droppedIps,
    droppedIds: [...d.users, ...d.groups].filter((e) => e.invalid),
    draft: { method: d.method, trustedIps: ips.values, mandatoryUsers: ids(d.users), mandatoryGroups: ids(d.groups) },
  };
}
