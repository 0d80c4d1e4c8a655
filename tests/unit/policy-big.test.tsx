// @vitest-environment happy-dom
// Issue 14: a policy naming thousands, and entries our editor would never write, in the options page's editor.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { PolicyEditor } from '../../lib/providers/docspace/components/PolicyEditor';
import { LIST_PAGE_SIZE } from '../../lib/providers/docspace/components/EntityPicker';
import { initialDraft, toPolicyDraft, type EditorDraft } from '../../lib/providers/docspace/tfa/policy-draft';
import { diffPolicy, draftOf } from '../../lib/providers/docspace/tfa/policy-diff';
import type { NamedEntity, PolicyView } from '../../lib/providers/docspace/protocol';

afterEach(cleanup);

const ME = 'aaaaaaaa-1111-4111-8111-111111111111';
const idOf = (n: number) => `8d1e5b2a-7c3f-4a6e-b0d9-${n.toString(16).padStart(12, '0')}`;
const USERS = 5_000;
const DELETED = new Set([7, 4_321, 4_999]);
const HIDDEN = 12;
const NOT_AN_ID = 'not-a-guid';

function bigView(): PolicyView {
  const ids = Array.from({ length: USERS }, (_, i) => idOf(i));
  const users: NamedEntity[] = ids.map((id, i) =>
    DELETED.has(i) ? { id, name: '', missing: true } : i === HIDDEN ? { id, name: '' } : { id, name: `Person ${i}`, email: `p${i}@big.test` });
  return {
    policy: {
      method: 'app', smsAvailable: false, appAvailable: true,
      trustedIps: ['10.0.0.1', '10.0.0.0/33', 'مكتب', '192.168.1.0/24'],
      mandatoryUsers: [...ids, NOT_AN_ID], mandatoryGroups: [],
    },
    me: { id: ME, displayName: 'Me', email: null, role: 'admin' },
    ownerId: null, isEnrolled: true, canEdit: true,
    users: [...users, { id: NOT_AN_ID, name: '', invalid: true }],
    groups: [],
    coverage: null,
    emptied: null,
  };
}

let last: EditorDraft | null = null;
function Editor({ view, onReview = () => {} }: { view: PolicyView; onReview?: () => void }) {
  const [draft, setDraft] = useState<EditorDraft>(initialDraft(view));
  last = draft;
  const none = async () => ({ ok: true as const, value: [] as NamedEntity[] });
  return <PolicyEditor view={view} draft={draft} onDraft={setDraft} onReview={onReview} onSearchPeople={none} onSearchGroups={none} />;
}

const usersList = () => screen.getByRole('list', { name: 'Mandatory users' });

describe('a list of 5,000 mandatory users', () => {
  it('shows counts and one page at a time, never a row per entry', () => {
    render(<Editor view={bigView()} />);
    expect(screen.getByText('5,001 users: 3 deleted, 1 without a name, and 1 not valid')).toBeTruthy();
    expect(within(usersList()).getAllByRole('listitem')).toHaveLength(LIST_PAGE_SIZE);
    expect(screen.getByText('Showing 1–50 of 5,001')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(screen.getByText('Showing 51–100 of 5,001')).toBeTruthy();
    expect(within(usersList()).getByText('Person 50')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Previous page' })).toHaveProperty('disabled', false);
  });

  it('filters by name, e-mail or id, and narrows to what needs cleaning up', () => {
    render(<Editor view={bigView()} />);
    const filter = screen.getByRole('searchbox', { name: 'Filter the chosen users' });
    fireEvent.input(filter, { target: { value: 'p4242@big' } });
    expect(within(usersList()).getAllByRole('listitem')).toHaveLength(1);
    expect(within(usersList()).getByText('Person 4242')).toBeTruthy();
    fireEvent.input(filter, { target: { value: '' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Only deleted, unnamed or not valid users' }));
    const rows = within(usersList()).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(rows).toHaveLength(5);
    expect(rows.filter((r) => r.startsWith('Deleted user'))).toHaveLength(3);
    expect(rows.some((r) => r.includes(`Not an ID: ${NOT_AN_ID}`) && r.includes('not valid'))).toBe(true);
    expect(rows.some((r) => r.startsWith(`User ${idOf(HIDDEN).slice(0, 8)}`))).toBe(true);
  });

  it('removes every deleted entry in one step and keeps all the others', () => {
    render(<Editor view={bigView()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove the 3 deleted entries' }));
    const sent = toPolicyDraft(last!).draft.mandatoryUsers;
    expect(sent).toHaveLength(USERS - DELETED.size);
    expect(sent.some((id) => [...DELETED].map(idOf).includes(id))).toBe(false);
    expect(new Set(sent).size).toBe(sent.length);
    expect(screen.getByText('4,998 users: 1 without a name and 1 not valid')).toBeTruthy();
  });

  it('says what saving does with entries that are not ids, and never sends them', () => {
    render(<Editor view={bigView()} />);
    expect(screen.getByText('1 entry is not an ID (written by another tool); it is ignored, and saving removes it.')).toBeTruthy();
    const { draft, droppedIds } = toPolicyDraft(last!);
    expect(droppedIds.map((e) => e.id)).toEqual([NOT_AN_ID]);
    expect(draft.mandatoryUsers).not.toContain(NOT_AN_ID);
    expect(draft.mandatoryUsers).toHaveLength(USERS);
  });
});

describe('stored trusted IPs our editor would not write', () => {
  it('are shown as stored, marked, not counted, do not block saving, and saving removes them (as the page says)', () => {
    const onReview = vi.fn();
    render(<Editor view={bigView()} onReview={onReview} />);
    const field = screen.getByLabelText('Trusted IP addresses') as HTMLTextAreaElement;
    expect(field.value.split('\n')).toEqual(['10.0.0.1', '10.0.0.0/33', 'مكتب', '192.168.1.0/24']);
    expect(field.getAttribute('aria-invalid')).toBe('false');
    // Judged as the portal judges them (§12.1): a prefix over 32 makes sign-in fail, a plain word never matches.
    expect(screen.getByText(/^1 stored entry never matches a visitor’s address \(\u2068مكتب\u2069\).*saving removes it/)).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Stored entries that make sign-in fail on this portal' }).textContent).toContain('“10.0.0.0/33”: will be removed');
    expect(screen.getByText('2 valid entries.')).toBeTruthy();
    // The stored entries alone change nothing; dropping them is the change a save would make.
    const { draft } = toPolicyDraft(last!);
    expect(draft.trustedIps).toEqual(['10.0.0.1', '192.168.1.0/24']);
    expect(diffPolicy(draftOf(bigView().policy), draft).trustedIps.removed).toEqual(['10.0.0.0/33', 'مكتب']);
    fireEvent.click(screen.getByRole('button', { name: 'Review changes' }));
    expect(onReview).toHaveBeenCalledOnce();
  });

  it('a malformed entry the admin types (not one stored) still blocks the review', () => {
    const onReview = vi.fn();
    render(<Editor view={bigView()} onReview={onReview} />);
    const field = screen.getByLabelText('Trusted IP addresses');
    fireEvent.input(field, { target: { value: `${(field as HTMLTextAreaElement).value}\n10.0.0.300` } });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Review changes' }));
    expect(onReview).not.toHaveBeenCalled();
  });

  it('corrected by the admin, a stored entry is kept', () => {
    render(<Editor view={bigView()} />);
    const field = screen.getByLabelText('Trusted IP addresses');
    fireEvent.input(field, { target: { value: '10.0.0.1\n10.0.0.0/30\nمكتب\n192.168.1.0/24' } });
    expect(toPolicyDraft(last!).draft.trustedIps).toEqual(['10.0.0.1', '10.0.0.0/30', '192.168.1.0/24']);
    expect(screen.getByText(/^1 stored entry never matches a visitor’s address \(\u2068مكتب\u2069\)/)).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Stored entries that make sign-in fail on this portal' })).toBeNull();
  });
});
