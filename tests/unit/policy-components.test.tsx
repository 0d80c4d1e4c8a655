// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { PolicyEditor } from '../../lib/providers/docspace/components/PolicyEditor';
import { PolicyReview } from '../../lib/providers/docspace/components/PolicyReview';
import { PolicySaved } from '../../lib/providers/docspace/components/PolicySaved';
import { EntityPicker } from '../../lib/providers/docspace/components/EntityPicker';
import { initialDraft, type EditorDraft } from '../../lib/providers/docspace/tfa/policy-draft';
import type { NamedEntity, PolicyView, SaveReply } from '../../lib/providers/docspace/protocol';
import type { Role } from '../../lib/providers/docspace/schemas';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const ME = 'aaaaaaaa-1111-4111-8111-111111111111';
const OWNER = 'bbbbbbbb-1111-4111-8111-111111111111';
const ALICE = 'cccccccc-1111-4111-8111-111111111111';
const GONE = 'dddddddd-1111-4111-8111-111111111111';
const FINANCE = 'eeeeeeee-1111-4111-8111-111111111111';

function viewFor(role: Role, over: Partial<PolicyView['policy']> = {}): PolicyView {
  return {
    policy: { method: 'app', smsAvailable: false, appAvailable: true, trustedIps: ['10.0.0.1'], mandatoryUsers: [ALICE, GONE], mandatoryGroups: [FINANCE], ...over },
    me: { id: role === 'owner' ? OWNER : ME, displayName: 'Me', email: 'me@example.com', role },
    ownerId: OWNER,
    isEnrolled: true,
    canEdit: role === 'owner' || role === 'admin',
    users: [{ id: ALICE, name: 'Alice Adams', email: 'alice@example.com' }, { id: GONE, name: '', missing: true }],
    groups: [{ id: FINANCE, name: 'Finance' }],
    coverage: null,
    emptied: null,
  };
}

const noSearch = async () => ({ ok: true as const, value: [] as NamedEntity[] });

function Editor({ view, onReview = () => {}, onSearchPeople = noSearch }: { view: PolicyView; onReview?: () => void; onSearchPeople?: PolicyEditorSearch }) {
  const [draft, setDraft] = useState<EditorDraft>(initialDraft(view));
  return <PolicyEditor view={view} draft={draft} onDraft={setDraft} onReview={onReview} onSearchPeople={onSearchPeople} onSearchGroups={noSearch} />;
}
type PolicyEditorSearch = (text: string) => Promise<{ ok: true; value: NamedEntity[] }>;

describe('PolicyEditor', () => {
  it('offers Off, the authenticator app and SMS as a radio group; SMS without a provider is shown disabled with the reason', () => {
    const { unmount } = render(<Editor view={viewFor('admin')} />);
    const group = screen.getByRole('group', { name: 'Two-factor authentication (2FA)' });
    expect(within(group).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['none', 'app', 'sms']);
    expect(within(group).getByRole('radio', { name: 'Authenticator app' })).toHaveProperty('checked', true);
    const sms = within(group).getByRole('radio', { name: 'SMS' });
    expect(sms).toHaveProperty('disabled', true);
    expect(sms.getAttribute('aria-describedby') && document.getElementById(sms.getAttribute('aria-describedby')!)?.textContent)
      .toBe('Not available: the portal has no SMS provider turned on, so it cannot send codes by text message.');
    unmount();
    render(<Editor view={viewFor('admin', { smsAvailable: true })} />);
    expect(screen.getByRole('radio', { name: 'SMS' })).toHaveProperty('disabled', false);
    expect(screen.queryByText(/no SMS provider/)).toBeNull();
  });

  it('the current method stays choosable even where the portal no longer offers it', () => {
    render(<Editor view={viewFor('admin', { method: 'sms', smsAvailable: false })} />);
    expect(screen.getByRole('radio', { name: 'SMS' })).toHaveProperty('disabled', false);
    expect(screen.getByRole('radio', { name: 'SMS' })).toHaveProperty('checked', true);
  });

  it('shows names, not GUIDs, and marks removed accounts', () => {
    render(<Editor view={viewFor('admin')} />);
    const users = screen.getByRole('list', { name: 'Mandatory users' });
    expect(within(users).getByText('Alice Adams')).toBeTruthy();
    expect(within(users).getByText(`Deleted user (${GONE.slice(0, 8)}…)`)).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Mandatory groups' }).textContent).toContain('Finance');
    expect(document.body.textContent).not.toContain(ALICE);
    expect(screen.getByText(/matter only when trusted IP addresses are set/)).toBeTruthy();
  });

  it('an invalid trusted IP is marked, explained by line, and blocks the review', () => {
    const onReview = vi.fn();
    render(<Editor view={viewFor('admin')} onReview={onReview} />);
    const field = screen.getByLabelText('Trusted IP addresses');
    const review = screen.getByRole('button', { name: 'Review changes' });
    expect(review).toHaveProperty('disabled', true); // nothing changed yet
    fireEvent.input(field, { target: { value: '10.0.0.1\n10.0.0.999\n10.0.0.1' } });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Line 2: “10.0.0.999” is not an IPv4 or IPv6 address, range or CIDR block.')).toBeTruthy();
    expect(screen.getAllByText(/1 entry is not valid; fix it to save the policy\./).length).toBeGreaterThan(0);
    expect(screen.getByText(/1 duplicate will be removed\./)).toBeTruthy();
    expect(review).toHaveProperty('disabled', true);
    fireEvent.submit(review.closest('form')!);
    expect(onReview).not.toHaveBeenCalled();
    fireEvent.input(field, { target: { value: '10.0.0.1\n192.0.2.0/24' } });
    expect(field.getAttribute('aria-invalid')).toBe('false');
    expect(review).toHaveProperty('disabled', false);
    fireEvent.click(review);
    expect(onReview).toHaveBeenCalledOnce();
  });

  it('lists typed while TFA stays off cannot be saved, and the editor says why', () => {
    render(<Editor view={viewFor('admin', { method: 'none', trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] })} />);
    fireEvent.input(screen.getByLabelText('Trusted IP addresses'), { target: { value: '10.0.0.1' } });
    expect(screen.getByRole('button', { name: 'Review changes' })).toHaveProperty('disabled', true);
    expect(screen.getByText(/Turn on two-factor authentication \(2FA\) to save trusted IPs/)).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Authenticator app' }));
    expect(screen.getByRole('button', { name: 'Review changes' })).toHaveProperty('disabled', false);
  });

  it('is read-only for a non-admin, with the reason', () => {
    render(<Editor view={viewFor('user')} />);
    expect(screen.getByText(/Your role on this portal is user, so you can view this policy but not change it/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Review changes' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    // Nothing to add with: the only search box left filters the list shown (it has a deleted entry to find).
    expect(screen.queryByRole('searchbox', { name: /Find/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(screen.getByRole('radio', { name: 'Authenticator app' })).toHaveProperty('disabled', false); // fieldset disables it
    expect(screen.getByRole('group', { name: 'Two-factor authentication (2FA)' })).toHaveProperty('disabled', true);
    expect(screen.getByText('10.0.0.1')).toBeTruthy();
  });

  it('a non-owner admin may add or remove the owner (the portal allows it, §11.3); the owner is tagged', async () => {
    const view = viewFor('admin', { mandatoryUsers: [OWNER] });
    view.users = [{ id: OWNER, name: 'Olga Owner' }];
    const search = vi.fn(async () => ({ ok: true as const, value: [{ id: OWNER, name: 'Olga Owner' }, { id: ALICE, name: 'Alice Adams' }] }));
    render(<Editor view={view} onSearchPeople={search} />);
    const users = screen.getByRole('list', { name: 'Mandatory users' });
    expect(within(users).getByText(/owner/)).toBeTruthy();
    fireEvent.click(within(users).getByRole('button', { name: 'Remove Olga Owner from the list' }));
    expect(screen.queryByRole('list', { name: 'Mandatory users' })).toBeNull();
    vi.useFakeTimers();
    fireEvent.input(screen.getByLabelText('Find users by name or email'), { target: { value: 'a' } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(300);
    });
    expect(search).toHaveBeenCalledWith('a');
    expect(screen.getByRole('button', { name: 'Add Olga Owner' })).toHaveProperty('disabled', false);
  });

  it('shows a sticky bar with the number of changes once something changed', () => {
    render(<Editor view={viewFor('admin')} />);
    const bar = () => screen.getByRole('region', { name: 'Unsaved changes' });
    expect(bar().className).toBe('form-actions');
    expect(bar().querySelector('.change-count')).toBeNull();
    fireEvent.input(screen.getByLabelText('Trusted IP addresses'), { target: { value: '10.0.0.1\n192.0.2.7' } });
    expect(bar().className).toBe('form-actions review-bar');
    expect(bar().querySelector('.change-count')?.textContent).toBe('1 change');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Alice Adams from the list' }));
    expect(bar().querySelector('.change-count')?.textContent).toBe('2 changes');
    // The primary comes last, on the right.
    expect([...bar().querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Review changes']);
  });

  it('chips show the name, the email muted on its own line and an × button named for the list; search fields have an icon and a placeholder', () => {
    render(<Editor view={viewFor('admin')} />);
    const chip = within(screen.getByRole('list', { name: 'Mandatory users' })).getByText('Alice Adams').closest('li')!;
    expect(chip.querySelector('.chip-note')?.textContent).toBe('alice@example.com');
    expect(chip.textContent).not.toContain('(');
    const remove = within(chip).getByRole('button', { name: 'Remove Alice Adams from the list' });
    expect(remove.textContent).toBe('');
    expect(remove.querySelector('svg')).toBeTruthy();
    const search = screen.getByLabelText('Find users by name or email');
    expect(search.getAttribute('placeholder')).toBe('Name or email');
    expect(search.parentElement?.querySelector('svg')).toBeTruthy();
  });

  it('greys the mandatory lists while no trusted IPs are set, and says why', () => {
    render(<Editor view={viewFor('admin')} />);
    const users = screen.getByRole('group', { name: 'Mandatory users' });
    expect(users.className).not.toContain('inactive');
    fireEvent.input(screen.getByLabelText('Trusted IP addresses'), { target: { value: '' } });
    expect(users.className).toContain('inactive');
    expect(users.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(users.getAttribute('aria-describedby')!)?.textContent).toContain('Only used when trusted IPs are set.');
    expect(screen.getByRole('group', { name: 'Mandatory groups' }).className).toContain('inactive');
  });

  it('a large private range gets a calm note, a large public block the strong warning', () => {
    render(<Editor view={viewFor('admin')} />);
    fireEvent.input(screen.getByLabelText('Trusted IP addresses'), { target: { value: '10.0.0.0/8\n1.0.0.0/8' } });
    const notes = [...document.querySelectorAll('.ip-notes li')];
    expect(notes.map((n) => n.className)).toEqual(['ip-note info', 'ip-note warn-text']);
    expect(notes[0]!.textContent).toContain('Line 1: “10.0.0.0/8” is a private network');
    expect(notes[0]!.textContent).not.toContain('very large block');
    expect(notes[1]!.textContent).toContain('Line 2: “1.0.0.0/8” trusts a very large address range');
  });

  it('the owner may make themselves mandatory', () => {
    const view = viewFor('owner', { mandatoryUsers: [OWNER] });
    view.users = [{ id: OWNER, name: 'Olga Owner' }];
    render(<Editor view={view} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Olga Owner from the list' }));
    expect(screen.queryByRole('list', { name: 'Mandatory users' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Review changes' })).toHaveProperty('disabled', false);
  });
});

describe('EntityPicker', () => {
  it('searches as you type (debounced, last query wins) and announces the count', async () => {
    vi.useFakeTimers();
    const onSearch = vi.fn(async (text: string) => ({ ok: true as const, value: [{ id: FINANCE, name: `Finance ${text}` }] }));
    const onChange = vi.fn();
    render(<EntityPicker kind="group" label="Mandatory groups" searchLabel="Find groups by name" selected={[]} onChange={onChange} onSearch={onSearch} />);
    const box = screen.getByLabelText('Find groups by name');
    fireEvent.input(box, { target: { value: 'f' } });
    fireEvent.input(box, { target: { value: 'fi' } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(300);
    });
    expect(onSearch.mock.calls).toEqual([['fi']]);
    expect(screen.getByText('1 match')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add Finance fi' }));
    expect(onChange).toHaveBeenCalledWith([{ id: FINANCE, name: 'Finance fi' }]);
  });

  it('shows a search failure as an error notice', async () => {
    vi.useFakeTimers();
    const onSearch = async () => ({ ok: false as const, error: { kind: 'forbidden' as const, origin: 'https://p.example.com', message: 'Access denied' } });
    render(<EntityPicker kind="user" label="Mandatory users" searchLabel="Find people" selected={[]} onChange={() => {}} onSearch={onSearch} />);
    fireEvent.input(screen.getByLabelText('Find people'), { target: { value: 'x' } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(300);
    });
    expect(screen.getByRole('alert').textContent).toContain('HTTP 403: Access denied');
  });
});

describe('PolicyReview and PolicySaved', () => {
  it('review shows the change in words and the consequences; Save and Back call back', () => {
    const onSave = vi.fn();
    const onBack = vi.fn();
    render(<PolicyReview changes="Adds 10.0.0.1 to trusted IPs and enables the authenticator app." consequences={['signsOutEveryone', 'youEnrolNow']} busy={false} error={null} onBack={onBack} onSave={onSave} />);
    expect(document.activeElement?.textContent).toBe('Review before saving');
    expect(screen.getByText('Adds 10.0.0.1 to trusted IPs and enables the authenticator app.')).toBeTruthy();
    expect(screen.getByText('Saving signs out everyone on the portal, you included.')).toBeTruthy();
    expect(screen.getByText(/you set it up right away, here/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));
    fireEvent.click(screen.getByRole('button', { name: 'Back to editing' }));
    expect(onSave).toHaveBeenCalledExactlyOnceWith(false);
    expect(onBack).toHaveBeenCalledOnce();
  });

  it('saved: shows what the portal holds by name and every mismatch', () => {
    const reply: SaveReply = {
      policy: { method: 'app', smsAvailable: false, appAvailable: true, trustedIps: ['10.0.0.1'], mandatoryUsers: [ALICE], mandatoryGroups: [] },
      mismatches: ['Mandatory groups: Finance was sent but not saved.'],
      enrolNext: false,
      signedOut: false,
    };
    render(<PolicySaved reply={reply} names={{ [ALICE]: { id: ALICE, name: 'Alice Adams' } }} signInUrl="https://p.example.com/login" onEditAgain={() => {}} />);
    expect(screen.getByRole('alert').textContent).toContain('Finance was sent but not saved');
    expect(screen.getByText('Alice Adams')).toBeTruthy();
    expect(screen.getByText(/From your current address, the portal does not ask you for a code/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the portal sign-in page' }).getAttribute('rel')).toBe('noopener noreferrer');
  });
});

describe('trusted IPs the portal would misread or that trust too much (fact sheet §11.2)', () => {
  it('an IPv6 block shows the range it will be saved as; a stored one too', () => {
    render(<Editor view={viewFor('admin', { trustedIps: ['2001:db8::/64'] })} />);
    expect(screen.getByText(/Line 1: “2001:db8::\/64” will be saved as 2001:db8::-2001:db8::ffff:ffff:ffff:ffff, exactly the addresses you typed\./)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Trusted IP addresses'), { target: { value: '2001:db8::/64\n10.0.0.0/24' } });
    // An IPv4 block the portal matches right is not mentioned.
    expect(document.body.textContent).not.toMatch(/10\.0\.0\.0\/24” will be saved/);
  });

  it('an entry that trusts a large part of the Internet is flagged by line in the editor', () => {
    render(<Editor view={viewFor('admin')} />);
    fireEvent.input(screen.getByLabelText('Trusted IP addresses'), { target: { value: '10.0.0.1\n0.0.0.0/0' } });
    expect(screen.getByText(/Line 2: “0\.0\.0\.0\/0” trusts a very large address range/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Review changes' })).toHaveProperty('disabled', false);
  });

  it('review: saving such entries waits for the admin to confirm', () => {
    const onSave = vi.fn();
    render(<PolicyReview changes="Adds 0.0.0.0/0." consequences={[]} hugeEntries={['0.0.0.0/0', '10.0.0.0/8']} busy={false} error={null} onBack={() => {}} onSave={onSave} />);
    const group = screen.getByRole('group', { name: 'New entries that trust very large address ranges' });
    expect(within(group).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['0.0.0.0/0', '10.0.0.0/8']);
    const save = screen.getByRole('button', { name: 'Save policy' });
    expect(save).toHaveProperty('disabled', true);
    fireEvent.click(save);
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.click(within(group).getByRole('checkbox', { name: /sign-ins from these addresses are not asked for a code/ }));
    expect(save).toHaveProperty('disabled', false);
    fireEvent.click(save);
    // The confirmation goes with the save: the background refuses a huge block without it (issue 24 §4).
    expect(onSave).toHaveBeenCalledExactlyOnceWith(true);
  });

  it('review without such entries asks nothing more', () => {
    render(<PolicyReview changes="Adds 10.0.0.1." consequences={[]} busy={false} error={null} onBack={() => {}} onSave={() => {}} />);
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.getByRole('button', { name: 'Save policy' })).toHaveProperty('disabled', false);
  });
});
