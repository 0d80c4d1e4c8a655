import type { NamedEntity, PolicyView } from '../protocol';
import type { TfaMethod } from '../schemas';
import type { PolicyDraft } from './policy-diff';
import { parseTrustedIp, parseTrustedIpList, type TrustedIpLine, type TrustedIpList } from './trusted-ips';
import { classifyStoredTrustedIp, type StoredTrustedIp } from './stored-ips';

/** A stored trusted-IP entry the editor needs to say something about: as stored, as the editor shows it, and how the portal treats it. */
export interface StoredIpNote {
  entry: string;
  /** The entry as an editor line (trimmed). */
  input: string;
  judged: StoredTrustedIp;
}

/** What the editor holds: the trusted IPs as typed, the lists with their names. */
export interface EditorDraft {
  method: TfaMethod;
  ipText: string;
  users: NamedEntity[];
  groups: NamedEntity[];
  /**
   * Stored entries our editor would not accept (written by another client) or that break sign-in on the portal
   * (stored-ips.ts). Left as they are they do not block saving: entries the portal reads are kept as stored;
   * entries that never match, and those that break sign-in, are not sent (a host-bit block goes as its network).
   */
  storedIps: StoredIpNote[];
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
    storedIps: view.policy.trustedIps.flatMap((entry) => {
      const judged = classifyStoredTrustedIp(entry);
      const input = entry.trim();
      return input && (judged.kind === 'breaksSignIn' || !parseTrustedIp(input).ok) ? [{ entry, input, judged }] : [];
    }),
  };
}

export interface DraftParse {
  draft: PolicyDraft;
  /** The trusted IPs as typed; `invalid` holds only what the admin typed (it blocks saving). */
  ips: TrustedIpList;
  /** Stored entries still in the editor that never match a visitor's address: saving removes them. */
  droppedIps: TrustedIpLine[];
  /** Stored entries still in the editor that make sign-in fail on the portal, with their fix (null: remove). */
  breakingIps: { input: string; fix: string | null }[];
  /** Mandatory entries that are not ids: saving removes them. */
  droppedIds: NamedEntity[];
}

/** The draft as it would be sent, plus the parse of the trusted IPs and what saving removes or fixes. */
export function toPolicyDraft(d: EditorDraft): DraftParse {
  const parsed = parseTrustedIpList(d.ipText);
  const stored = new Map(d.storedIps.map((n) => [n.input, n]));
  const present = new Set(parsed.lines.map((l) => l.input));
  const storedInvalid = parsed.invalid.filter((l) => stored.has(l.input));
  // A stored entry the portal reads, though our editor would not write it (01.2.3.4, [::1]): kept as stored.
  const kept = storedInvalid.filter((l) => stored.get(l.input)?.judged.kind === 'works').map((l) => stored.get(l.input)?.entry ?? l.input);
  const droppedIps = storedInvalid.filter((l) => stored.get(l.input)?.judged.kind === 'neverMatches');
  const breakingIps = d.storedIps.flatMap((n) => (n.judged.kind === 'breaksSignIn' && present.has(n.input) ? [{ input: n.input, fix: n.judged.fix }] : []));
  const ips = storedInvalid.length ? { ...parsed, invalid: parsed.invalid.filter((l) => !stored.has(l.input)) } : parsed;
  const ids = (list: NamedEntity[]) => list.filter((e) => !e.invalid).map((e) => e.id);
  return {
    ips,
    droppedIps,
    breakingIps,
    droppedIds: [...d.users, ...d.groups].filter((e) => e.invalid),
    draft: { method: d.method, trustedIps: [...ips.values, ...kept.filter((k) => !ips.values.includes(k))], mandatoryUsers: ids(d.users), mandatoryGroups: ids(d.groups) },
  };
}

/** The editor text with every stored entry that breaks sign-in replaced by its fix, or removed. */
export function applyIpFixes(text: string, breaking: DraftParse['breakingIps']): string {
  const fixes = new Map(breaking.map((b) => [b.input, b.fix]));
  return text
    .split(/\r?\n/)
    .flatMap((line) => {
      if (!fixes.has(line.trim())) return [line];
      const fix = fixes.get(line.trim());
      return fix ? [fix] : [];
    })
    .join('\n');
}
