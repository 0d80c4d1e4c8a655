// @vitest-environment happy-dom
// Issue 26 §1: the enrolment coverage view against a fake background (tests/support/call-backend.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { CommandOf, CommandType, Reply } from '../../lib/providers/docspace/protocol';
import type { CoverageReport } from '../../lib/providers/docspace/coverage/types';
import { answerCalls, type Handlers } from '../support/call-backend';
import { ADMIN, OWNER, PEOPLE, SUMMARY, person, report } from '../support/coverage-people';

vi.mock('../../lib/providers/docspace/call', () => ({ call: vi.fn() }));
const { call } = await import('../../lib/providers/docspace/call');
const { CoverageView } = await import('../../lib/providers/docspace/views/CoverageView');

const ORIGIN = 'https://portal.example.com';
let sent: CommandOf<CommandType>[];
const backend = (handlers: Handlers) => void (sent = answerCalls(call, handlers));
const types = () => sent.map((c) => c.type);
const navigate = vi.fn();
const open = () => render(<CoverageView origin={ORIGIN} navigate={navigate} params={new URLSearchParams()} />);
const last = (r: CoverageReport | null): Handlers => ({ getCoverage: () => ({ ok: true, value: r }) });
const rows = () => screen.queryAllByTestId('coverage-row');

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  navigate.mockReset();
});

describe('CoverageView: counting', () => {
  it('no count yet: says what a count does; Count now scans, shows progress with a cancel, then the counts (announced)', async () => {
    let finish!: (r: CoverageReport) => void;
    const scan = new Promise<Reply<'scanCoverage'>>((resolve) => { finish = (r) => resolve({ ok: true, value: r }); });
    let progressRead = 0;
    backend({
      ...last(null),
      coverageProgress: () => ({ ok: true, value: { running: progressRead > 0, read: progressRead, total: 9 } }),
      cancelCoverage: () => ({ ok: true, value: true }),
    });
    // The scan answers only when the test says (a count takes a while).
    const answer = vi.mocked(call).getMockImplementation()!;
    vi.mocked(call).mockImplementation(((cmd: CommandOf<CommandType>) => {
      if (cmd.type !== 'scanCoverage') return answer(cmd);
      sent.push(cmd);
      return scan;
    }) as typeof call);
    vi.useFakeTimers({ shouldAdvanceTime: true });
    open();
    expect(await screen.findByText(/No count yet in this browser session.*nothing changes on the portal/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Count now' }));
    progressRead = 4;
    await act(async () => { await vi.advanceTimersByTimeAsync(600); });
    const bar = screen.getByRole('progressbar', { name: 'People read' });
    expect(bar.getAttribute('aria-valuenow')).toBe('4');
    expect(screen.getByText('Read 4 of 9 people')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Stop counting' }));
    expect(types()).toContain('cancelCoverage');
    await act(async () => finish(report()));
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    const sentence = '3 of 7 active people have an authenticator (43%), 1 admin has none, and 1 signs in through SSO';
    expect(screen.getByText(sentence, { selector: '.coverage-headline' })).toBeTruthy();
    expect(screen.getAllByRole('status').some((s) => s.textContent === sentence)).toBe(true);
    expect(screen.getByText(/3 active people who do not sign in through SSO have no authenticator.*Of them, 2 are mandatory/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Count again' })).toBeTruthy();
    expect(types().filter((t) => t === 'scanCoverage')).toHaveLength(1);
  });

  it('on open shows the session’s last report with its age; a partial one or one with people missing says so', async () => {
    backend(last(report({ summary: { ...SUMMARY, countedAt: Date.now() - 5 * 60_000 }, missing: 2, partial: true })));
    open();
    expect(await screen.findByText('Counted 5 minutes ago')).toBeTruthy();
    const warning = screen.getByRole('alert');
    expect(warning.textContent).toContain('The count was stopped before the end: the figures are partial.');
    expect(warning.textContent).toContain('The portal counts 2 people the listing did not return: the figures are partial.');
    expect(types()).not.toContain('scanCoverage');
  });

  it('never a percentage when there is no one to divide by', async () => {
    backend(last(report({ summary: { ...SUMMARY, active: 0, covered: 0, adminsWithout: 0, without: 0, mandatoryWithout: 0, sso: 0 }, people: [] })));
    open();
    const headline = await screen.findByText(/0 of 0 active people have an authenticator/);
    expect(headline.textContent).not.toContain('%');
  });
});

describe('CoverageView: when the portal cannot say', () => {
  it('TFA off: its sentence, the last count while it was on with its date, and the way to the policy', async () => {
    backend(last(report({ unavailable: 'tfaOff', people: [] })));
    open();
    const box = await screen.findByText(/Two-factor authentication \(2FA\) is off on portal.example.com: the portal does not say who has an authenticator/);
    const state = box.closest('[data-state="tfaOff"]') as HTMLElement;
    expect(within(state).getByText('The last count while it was on, December 7, 2026:')).toBeTruthy();
    expect(within(state).getByText(/3 of 7 active people have an authenticator \(43%\)/)).toBeTruthy();
    fireEvent.click(within(state).getByRole('button', { name: 'Open the portal policy' }));
    expect(navigate).toHaveBeenCalledWith('policy');
  });

  it('TFA off with no earlier count: says so, no figure at all', async () => {
    backend(last(report({ unavailable: 'tfaOff', people: [], summary: null })));
    open();
    expect(await screen.findByText('There is no count from a time it was on.')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/%/);
  });

  it('SMS: says it counts activated phones, the column is the phone', async () => {
    const people = [person(1, { role: 'owner', hasApp: null, phoneActivated: true }), person(2, { hasApp: null, phoneActivated: false })];
    backend(last(report({ summary: { ...SUMMARY, mode: 'sms', active: 2, covered: 1, without: 1, adminsWithout: 0, mandatoryWithout: 0, sso: 0 }, people })));
    open();
    expect(await screen.findByText(/portal.example.com asks for SMS codes: .* shows whose phone is activated instead/)).toBeTruthy();
    expect(screen.getByText(/1 of 2 active people have an activated phone \(50%\)/)).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: /Phone activated/ })).toBeTruthy();
    expect(screen.queryByRole('columnheader', { name: /^Authenticator/ })).toBeNull();
  });

  it('an older portal and a caller who is not an admin get their own sentence, no counts', async () => {
    backend(last(report({ unavailable: 'oldPortal', people: [], summary: null })));
    open();
    expect(await screen.findByText(/portal.example.com does not report who has an authenticator: this needs DocSpace 3.1.1 or later/)).toBeTruthy();
    cleanup();
    backend(last(report({ unavailable: 'notAdmin', people: [], summary: null, meId: ADMIN })));
    open();
    expect(await screen.findByText(/Only DocSpace admins and the portal owner can see who has an authenticator/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/%/);
  });
});

describe('CoverageView: the table', () => {
  it('filters, search, sort with aria-sort, words not colours, a caption', async () => {
    backend(last(report()));
    open();
    await screen.findByRole('table');
    expect(screen.getByRole('table', { name: '9 people shown' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'without' } });
    expect(rows().map((r) => r.querySelector('th')!.textContent)).toEqual(['Boris Admin', 'Élodie Durand', 'Юлия Смирнова']);
    expect(rows().every((r) => r.querySelector('[data-field="covered"]')!.textContent === 'No')).toBe(true);
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'adminsWithout' } });
    expect(rows()).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'all' } });
    fireEvent.input(screen.getByLabelText('Search by name or email'), { target: { value: 'ЮЛИЯ' } });
    expect(rows()).toHaveLength(1);
    fireEvent.input(screen.getByLabelText('Search by name or email'), { target: { value: '' } });
    const nameHeader = screen.getByRole('columnheader', { name: /Name/ });
    expect(nameHeader.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(nameHeader).getByRole('button'));
    expect(nameHeader.getAttribute('aria-sort')).toBe('descending');
    expect(rows()[0]!.querySelector('th')!.textContent).toBe('Юлия Смирнова');
    expect((screen.getByLabelText('Show') as HTMLSelectElement).options[1]!.textContent).toBe('No authenticator (3)');
  });

  it('5,000 people: 100 rows in the page at a time, with paging', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => person(i + 10, { name: `Person ${String(i).padStart(4, '0')}` }));
    backend(last(report({ people: many })));
    open();
    await screen.findByRole('table');
    expect(rows()).toHaveLength(100);
    expect(screen.getByText('Rows 1–100 of 5,000')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(screen.getByText('Rows 101–200 of 5,000')).toBeTruthy();
    expect(rows()[0]!.querySelector('th')!.textContent).toBe('Person 0100');
  });

  it('exports the current view as a CSV file through a Blob URL, then revokes it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => { blobs.push(b as Blob); return 'blob:x'; });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    try {
      backend(last(report({ people: [...PEOPLE, person(30, { name: '=SUM(1+1)', hasApp: false })] })));
      open();
      await screen.findByRole('table');
      fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'without' } });
      fireEvent.click(screen.getByRole('button', { name: 'Export this view as CSV' }));
      const clicked = click.mock.contexts[0] as HTMLAnchorElement;
      expect(clicked.isConnected).toBe(false);
      expect(clicked.download).toMatch(/^coverage-portal\.example\.com-\d{4}-\d{2}-\d{2}\.csv$/);
      const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes.slice(3));
      const lines = text.trimEnd().split('\r\n');
      expect(lines).toHaveLength(1 + 4);
      expect(lines).toContain("'=SUM(1+1),p30@example.com,User,Active,No,No,No");
      expect(revoke).not.toHaveBeenCalled();
      await act(async () => { await vi.advanceTimersByTimeAsync(11_000); });
      expect(revoke).toHaveBeenCalledWith('blob:x');
    } finally {
      create.mockRestore();
      revoke.mockRestore();
      click.mockRestore();
    }
  });
});

describe('CoverageView: reset and request', () => {
  it('the owner resets a person from their row after the owner tools’ confirmation; the counts come back from the background', async () => {
    let current = report();
    backend({
      getCoverage: () => ({ ok: true, value: current }),
      resetUserApp: (cmd) => {
        current = report({ summary: { ...SUMMARY, covered: 2 }, people: PEOPLE.map((p) => (p.id === cmd.userId ? { ...p, hasApp: false } : p)) });
        return { ok: true, value: true };
      },
    });
    open();
    await screen.findByRole('table');
    // Only rows with an authenticator, never the owner's own (that is "Reset my authenticator").
    expect(screen.queryByRole('button', { name: 'Reset authenticator of Boris Admin…' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reset authenticator of Olga Owner…' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reset your own authenticator' }));
    expect(navigate).toHaveBeenCalledWith('reset');
    fireEvent.click(screen.getByRole('button', { name: 'Reset authenticator of Ada Admin…' }));
    const dialog = screen.getByRole('dialog', { name: 'Reset the authenticator of Ada Admin?' });
    expect(dialog.textContent).toMatch(/signed out|sessions/i);
    await act(async () => void fireEvent.click(within(dialog).getByRole('button', { name: 'Reset authenticator' })));
    expect(sent.find((c) => c.type === 'resetUserApp')).toEqual({ type: 'resetUserApp', origin: ORIGIN, userId: ADMIN });
    expect(await screen.findByText('The authenticator of Ada Admin was reset.')).toBeTruthy();
    await waitFor(() => expect(screen.getByText(/^2 of 7 active people have an authenticator/)).toBeTruthy());
    const ada = rows().find((r) => r.querySelector('th')!.textContent === 'Ada Admin')!;
    expect(ada.querySelector('[data-field="covered"]')!.textContent).toBe('No');
    expect(types().filter((t) => t === 'getCoverage')).toHaveLength(2);
  });

  it('an admin who is not the owner: no reset button; selects people and copies a request naming them', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    backend(last(report({ meId: ADMIN, ownerId: OWNER })));
    open();
    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: /^Reset authenticator of/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Copy request to the owner' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Boris Admin' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Юлия Смирнова' }));
    expect(screen.getByText('2 people selected')).toBeTruthy();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Copy request to the owner' })));
    const text = writeText.mock.calls[0]![0];
    expect(text).toContain('portal.example.com');
    expect(text).toContain('- Boris Admin <boris@example.com>');
    expect(text).toContain('- Юлия Смирнова <yulia@example.com>');
    expect(text).not.toContain('Ada Admin');
    expect((screen.getByLabelText('Request to the owner') as HTMLTextAreaElement).value).toBe(text);
    expect(screen.getByText('Request copied. Send it to the portal owner.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'without' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all 3 people shown' }));
    expect(screen.getByText('3 people selected')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'sso' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select the 1 person shown' }));
    expect(screen.getByText('4 people selected')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select the 1 person shown' }));
    expect(screen.getByText('3 people selected')).toBeTruthy();
  });
});
