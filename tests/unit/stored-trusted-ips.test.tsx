// @vitest-environment happy-dom
// Issue 23 §1: stored trusted IPs judged as the server judges them, host-bit blocks, huge blocks in every
// spelling, and the request-x-real-ip caveat where trusted IPs are explained or edited.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { classifyStoredTrustedIp, signInBreakers } from '../../lib/providers/docspace/tfa/stored-ips';
import { canonicalTrustedIps, parseTrustedIp, parseTrustedIpList } from '../../lib/providers/docspace/tfa/trusted-ips';
import { applyIpFixes, initialDraft, toPolicyDraft, type EditorDraft } from '../../lib/providers/docspace/tfa/policy-draft';
import { consequencesOf, diffPolicy, draftOf } from '../../lib/providers/docspace/tfa/policy-diff';
import { PolicyEditor } from '../../lib/providers/docspace/components/PolicyEditor';
import { PolicyReview } from '../../lib/providers/docspace/components/PolicyReview';
import { StatusCard } from '../../lib/providers/docspace/components/StatusCard';
import { summarise } from '../../lib/providers/docspace/background/status';
import { policy as t } from '../../lib/providers/docspace/i18n/policy';
import type { NamedEntity, PolicyView, PortalStatus } from '../../lib/providers/docspace/protocol';
import type { TfaPolicy } from '../../lib/providers/docspace/schemas';

afterEach(cleanup);

describe('classifyStoredTrustedIp: as IPAddressRange.MatchIPs treats the entry (§12.1)', () => {
  it.each([
    // Works as the server matches it.
    ['192.0.2.1', 'works'], ['2001:db8::1', 'works'], ['::ffff:192.0.2.7', 'works'], ['fe80::1%2', 'works'],
    ['10.0.0.1-10.0.0.50', 'works'], [' 10.0.0.1 - 10.0.0.50 ', 'works'], ['01.2.3.4-1.2.3.9', 'works'], ['[2001:db8::1]-2001:db8::9', 'works'],
    ['203.0.113.0/24', 'works'], ['2001:db8::/64', 'works'], ['10.0.0.0/024', 'works'], ['0.0.0.0/0', 'works'], ['10.0.0.1-2001:db8::1', 'works'],
    // Plain text the server compares as written: never a connection's address.
    ['office', 'neverMatches'], [' 192.0.2.1', 'neverMatches'], ['2001:DB8::1', 'neverMatches'], ['2001:db8:0::1', 'neverMatches'],
    ['::ffff:0.0.0.1', 'neverMatches'], ['fe80::1%eth0', 'neverMatches'], ['-10.0.0.1', 'neverMatches'], ['/24', 'neverMatches'],
    ['10.0.0.9-10.0.0.1', 'neverMatches'], ['مكتب', 'neverMatches'], ['01.2.3.4', 'neverMatches'],
  ])('%j: %s', (entry, kind) => {
    expect(classifyStoredTrustedIp(entry).kind).toBe(kind);
  });

  it.each<[string, string | null]>([
    ['192.168.1.5/24', '192.168.1.0/24'], // host bits
    ['10.1.2.3/8', '10.0.0.0/8'],
    ['10.0.0.0/24 ', '10.0.0.0/24'], // a space after the prefix
    ['10.0.0.0 /24', '10.0.0.0/24'],
    ['2001:db8::1/32', '2001:db8::/32'],
    ['10.0.0.0/33', null], // a prefix over the maximum means no block
    ['2001:db8::/129', null],
    ['10.0.0.0/x', null],
    ['10.0.0.1-10.0.0.x', null], // a side .NET cannot parse
    ['not-an-ip', null],
    ['10.0.0.1-', null],
    ['2001:db8::1-10.0.0.1', null], // IPv6 start, IPv4 end: IndexOutOfRangeException
  ])('%j breaks sign-in; fix %j', (entry, fix) => {
    expect(classifyStoredTrustedIp(entry)).toEqual({ kind: 'breaksSignIn', fix });
  });

  it('signInBreakers keeps list order', () => {
    expect(signInBreakers(['10.0.0.1', '192.168.1.5/24', 'office', '10.0.0.1-x'])).toEqual([
      { entry: '192.168.1.5/24', fix: '192.168.1.0/24' },
      { entry: '10.0.0.1-x', fix: null },
    ]);
  });

  it('canonicalTrustedIps keeps breaking entries verbatim, so saving them fixed is a change', () => {
    expect(canonicalTrustedIps(['10.0.0.0/24 ', ' office ', '192.168.1.5/24'])).toEqual(['10.0.0.0/24 ', 'office', '192.168.1.5/24']);
  });
});

describe('huge blocks in every spelling, alone or together', () => {
  it.each([
    ['::ffff:0.0.0.0/96', true], ['::ffff:0:0-::ffff:ffff:ffff', true], ['::ffff:10.0.0.0/104', true], ['::ffff:10.0.0.0/105', false],
    ['::/96', true], ['::/64', true], ['64:ff9b::/96', true], ['64:ff9b::a00:0-64:ff9b::aff:ffff', true], ['64:ff9b::/104', true],
    ['64:ff9b::/105', false], ['2001:db8::/96', false], ['0.0.0.0/0', true],
  ])('%s: huge %s', (input, huge) => {
    const r = parseTrustedIp(input);
    expect(r.ok && (r.entry.huge ?? false)).toBe(huge);
  });

  it('256 adjacent /16s together cover a /8; 255 of them do not; one /8 is flagged on its own, not "together"', () => {
    const blocks = Array.from({ length: 256 }, (_, i) => `10.${i}.0.0/16`);
    expect(parseTrustedIpList(blocks.join('\n'))).toMatchObject({ huge: [], hugeTogether: true });
    expect(parseTrustedIpList(blocks.slice(1).join('\n')).hugeTogether).toBe(false);
    expect(parseTrustedIpList(['10.0.0.0-10.127.255.255', '10.128.0.0-10.255.255.255'].join('\n')).hugeTogether).toBe(true);
    expect(parseTrustedIpList(['::ffff:10.0.0.0/105', '::ffff:10.128.0.0/105'].join('\n')).hugeTogether).toBe(true);
    // Two halves in different families or different IPv4-carrying blocks are not one block.
    expect(parseTrustedIpList(['10.0.0.0/9', '::ffff:10.128.0.0/105'].join('\n')).hugeTogether).toBe(false);
    expect(parseTrustedIpList('10.0.0.0/8').hugeTogether).toBe(false);
  });
});

const ME = 'aaaaaaaa-1111-4111-8111-111111111111';
function viewWith(trustedIps: string[]): PolicyView {
  return {
    policy: { method: 'app', smsAvailable: false, appAvailable: true, trustedIps, mandatoryUsers: [], mandatoryGroups: [] },
    me: { id: ME, displayName: 'Me', email: null, role: 'admin' },
    ownerId: null, isEnrolled: true, canEdit: true, users: [], groups: [], coverage: null, emptied: null,
  };
}
let last: EditorDraft | null = null;
function Editor({ view }: { view: PolicyView }) {
  const [draft, setDraft] = useState<EditorDraft>(initialDraft(view));
  last = draft;
  const none = async () => ({ ok: true as const, value: [] as NamedEntity[] });
  return <PolicyEditor view={view} draft={draft} onDraft={setDraft} onReview={() => {}} onSearchPeople={none} onSearchGroups={none} />;
}

describe('the editor: sign-in-breaking entries shown with their fix, never sent', () => {
  const stored = ['10.0.0.1', '192.168.1.5/24', '10.0.0.1-10.0.0.x', 'office', '01.2.3.4-1.2.3.9'];

  it('names them as breaking sign-in, offers the fix, and the fix goes through the normal review', () => {
    render(<Editor view={viewWith(stored)} />);
    const note = screen.getByRole('group', { name: 'Stored entries that make sign-in fail on this portal' });
    expect(note.textContent).toContain('password sign-in fails (HTTP 500) for everyone who is not a mandatory user or in a mandatory group');
    expect(within(note).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '“192.168.1.5/24”: will be saved as 192.168.1.0/24',
      '“10.0.0.1-10.0.0.x”: will be removed (it does not name a block)',
    ]);
    // The harmless one is told apart from them.
    expect(screen.getByText(/^1 stored entry never matches a visitor’s address \(office\)/)).toBeTruthy();
    // Even without the fix applied, nothing the portal cannot read is sent; what it reads is kept as stored.
    expect(toPolicyDraft(last!).draft.trustedIps).toEqual(['10.0.0.1', '192.168.1.0/24', '01.2.3.4-1.2.3.9']);
    fireEvent.click(within(note).getByRole('button', { name: 'Apply the fixes' }));
    expect((screen.getByLabelText('Trusted IP addresses') as HTMLTextAreaElement).value.split('\n')).toEqual(['10.0.0.1', '192.168.1.0/24', 'office', '01.2.3.4-1.2.3.9']);
    expect(screen.queryByRole('group', { name: 'Stored entries that make sign-in fail on this portal' })).toBeNull();
    const diff = diffPolicy(draftOf(viewWith(stored).policy), toPolicyDraft(last!).draft).trustedIps;
    expect(diff).toEqual({ added: ['192.168.1.0/24'], removed: ['192.168.1.5/24', '10.0.0.1-10.0.0.x', 'office'] });
    fireEvent.click(screen.getByRole('button', { name: 'Review changes' }));
  });

  it('a stored block that differs only by a space is still a change to save', () => {
    render(<Editor view={viewWith(['10.0.0.0/24 '])} />);
    expect(screen.getByRole('group', { name: 'Stored entries that make sign-in fail on this portal' }).textContent).toContain('“10.0.0.0/24”: will be saved as 10.0.0.0/24');
    expect(screen.getByRole('button', { name: 'Review changes' }).hasAttribute('disabled')).toBe(false);
  });

  it('a typed host-bit block is converted, with the reason, before review', () => {
    render(<Editor view={viewWith([])} />);
    fireEvent.input(screen.getByLabelText('Trusted IP addresses'), { target: { value: '192.168.1.5/24' } });
    expect(screen.getByText(/^Line 1: “192\.168\.1\.5\/24” will be saved as 192\.168\.1\.0\/24, the block you typed\. The portal cannot read a block with bits set after the prefix/)).toBeTruthy();
    expect(toPolicyDraft(last!).draft.trustedIps).toEqual(['192.168.1.0/24']);
  });

  it('explains request-x-real-ip where trusted IPs are edited (not when there are none)', () => {
    render(<Editor view={viewWith(['10.0.0.1'])} />);
    const details = screen.getByText('Anyone can claim a trusted IP unless your proxy prevents it').closest('details')!;
    expect(details.textContent).toContain('request-x-real-ip parameter in the sign-in address');
    expect(details.textContent).toContain('prefer mandatory users and groups, who are always asked for a code');
    cleanup();
    render(<Editor view={viewWith([])} />);
    expect(screen.queryByText('Anyone can claim a trusted IP unless your proxy prevents it')).toBeNull();
  });

  it('applyIpFixes leaves other lines alone', () => {
    expect(applyIpFixes('a\n 192.168.1.5/24 \nb', [{ input: '192.168.1.5/24', fix: '192.168.1.0/24' }])).toBe('a\n192.168.1.0/24\nb');
    expect(applyIpFixes('a\n10.0.0.1-x\nb', [{ input: '10.0.0.1-x', fix: null }])).toBe('a\nb');
  });
});

describe('the review: request-x-real-ip, and huge blocks together need the confirmation', () => {
  it('says trusted IPs can be claimed when any are set', () => {
    const on = { method: 'app' as const, trustedIps: ['10.0.0.1'], mandatoryUsers: [], mandatoryGroups: [] };
    expect(consequencesOf({ before: on, draft: on, me: { id: ME }, isEnrolled: true })).toContain('trustedIpsClaimable');
    expect(consequencesOf({ before: on, draft: { ...on, trustedIps: [] }, me: { id: ME }, isEnrolled: true })).not.toContain('trustedIpsClaimable');
    expect(t.consequence.trustedIpsClaimable).toContain('unless a proxy in front of the portal removes the request-x-real-ip parameter');
  });

  it('a save that is held back until the huge block is confirmed', () => {
    const onSave = vi.fn();
    render(<PolicyReview changes="x" consequences={[]} hugeEntries={[t.hugeTogetherEntry]} busy={false} error={null} onBack={() => {}} onSave={onSave} />);
    const save = screen.getByRole('button', { name: 'Save policy' });
    expect(save.hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByLabelText(/except for mandatory users and groups/));
    expect(save.hasAttribute('disabled')).toBe(false);
  });
});

describe('the popup (admins): a portal whose trusted IPs break sign-in says so, by name', () => {
  // The admins' policy block loads just after the status (components/lazy.tsx); once loaded, it renders at once.
  beforeAll(async () => {
    render(<StatusCard status={statusWith(['10.0.0.1'])} names={null} />);
    await screen.findByRole('heading', { name: 'Portal policy' });
    cleanup();
  });

  const policyWith = (trustedIps: string[]): TfaPolicy =>
    ({ method: 'app', smsAvailable: false, appAvailable: true, trustedIps, mandatoryUsers: [], mandatoryGroups: [] }) as unknown as TfaPolicy;
  const statusWith = (trustedIps: string[], role: 'admin' | 'user' = 'admin'): PortalStatus => ({
    origin: 'https://docs.example.com', host: 'docs.example.com', state: 'ready', version: '3.7.2', auth: 'cookie', checkedAt: 0,
    me: { id: ME, displayName: 'Me', email: null, role },
    policy: summarise(policyWith(trustedIps)),
    applies: { kind: 'outsideTrusted' }, enrolment: { state: 'enrolled', unusedCodes: 3, totalCodes: 5 }, enrolmentInProgress: false, signInUrl: 'https://docs.example.com/login',
  });

  it('an error-level notice naming the portal; the entry marked; the harmless one marked apart; request-x-real-ip in a line', () => {
    const { container } = render(<StatusCard status={statusWith(['10.0.0.1', '192.168.1.5/24', 'office'])} names={null} />);
    expect(container.querySelector('.notice.error')?.textContent).toBe(
      'Password sign-in on docs.example.com fails (HTTP 500) for everyone who is not a mandatory user or in a mandatory group: the portal cannot read the trusted IP entries marked “breaks sign-in”. Fix them under Change policy.',
    );
    const list = screen.getByRole('list', { name: 'Trusted IP addresses (1)' });
    expect(list.textContent).toContain('192.168.1.5/24 (breaks sign-in)');
    expect(list.textContent).toContain('office (matches no one)');
    expect(screen.getByText('1 entry matches no one and is ignored')).toBeTruthy();
    expect(screen.getByText(/Unless a proxy in front of the portal strips the request-x-real-ip parameter, anyone can claim a trusted IP address at sign-in/)).toBeTruthy();
  });

  it('nothing alarming when the entries are fine; nothing of it for non-admins', () => {
    render(<StatusCard status={statusWith(['10.0.0.1', '192.168.1.0/24'])} names={null} />);
    expect(screen.queryByText(/fails \(HTTP 500\)/)).toBeNull();
    cleanup();
    render(<StatusCard status={statusWith(['192.168.1.5/24'], 'user')} names={null} />);
    expect(screen.queryByText(/fails \(HTTP 500\)/)).toBeNull();
    expect(screen.queryByText(/request-x-real-ip/)).toBeNull();
  });
});
