// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { cleanBidi } from '../../lib/i18n/bidi';
import { StatusCard, preloadPolicyBlock } from '../../lib/providers/docspace/components/StatusCard';
import { PolicyEditor } from '../../lib/providers/docspace/components/PolicyEditor';
import { PolicySaved } from '../../lib/providers/docspace/components/PolicySaved';
import { SetupKey } from '../../lib/providers/docspace/components/SetupKey';
import { ErrorNotice } from '../../components/ErrorNotice';
import { BackupCodeList } from '../../lib/providers/docspace/components/BackupCodeList';
import { initialDraft, type EditorDraft } from '../../lib/providers/docspace/tfa/policy-draft';
import type { NamedEntity, PolicyView, PortalStatus, SaveReply } from '../../lib/providers/docspace/protocol';
import { HOSTILE_STRINGS } from '../fixtures/hostile';
import { policy as policyText } from '../../lib/providers/docspace/i18n/policy';

/**
 * Names, e-mails, group names, messages and links from the portal, rendered through the real
 * components: each appears as text, and the page has exactly the elements and attributes it has
 * for a harmless name (no element, attribute or handler is injected).
 */
afterEach(cleanup);

const ORIGIN = 'https://docs.example.com';
const ME = 'aaaaaaaa-1111-4111-8111-111111111111';
const ALICE = 'cccccccc-1111-4111-8111-111111111111';
const FINANCE = 'eeeeeeee-1111-4111-8111-111111111111';
const BENIGN = 'Plain Name';

function statusWith(s: string): PortalStatus {
  return {
    origin: ORIGIN, host: 'docs.example.com', state: 'ready', version: '3.7.2', auth: 'cookie', checkedAt: 0,
    me: { id: ME, displayName: s, email: `${s}@x.test`, role: 'admin' },
    policy: {
      method: 'app', smsAvailable: false, appAvailable: true,
      trustedIps: { total: 2, invalid: 1, breaking: 0, first: [{ id: '10.0.0.0/8', name: '10.0.0.0/8' }, { id: s, name: s, invalid: true }] },
      mandatoryUsers: { total: 1, invalid: 0, first: [{ id: ALICE, name: '' }] },
      mandatoryGroups: { total: 1, invalid: 0, first: [{ id: FINANCE, name: '' }] },
    },
    applies: { kind: 'outsideTrusted' }, enrolment: { state: 'enrolled', unusedCodes: 3, totalCodes: 5 }, enrolmentInProgress: false, signInUrl: `${ORIGIN}/login`,
  };
}

function viewWith(s: string): PolicyView {
  return {
    policy: { method: 'app', smsAvailable: false, appAvailable: true, trustedIps: ['10.0.0.1'], mandatoryUsers: [ALICE], mandatoryGroups: [FINANCE] },
    me: { id: ME, displayName: s, email: `${s}@x.test`, role: 'admin' },
    ownerId: null, isEnrolled: true, canEdit: true,
    users: [{ id: ALICE, name: s, email: `${s}@x.test` }],
    groups: [{ id: FINANCE, name: s }],
    coverage: null,
    emptied: null,
  };
}

const noSearch = async () => ({ ok: true as const, value: [] as NamedEntity[] });
function Editor({ view }: { view: PolicyView }) {
  const [draft, setDraft] = useState<EditorDraft>(initialDraft(view));
  return <PolicyEditor view={view} draft={draft} onDraft={setDraft} onReview={() => undefined} onSearchPeople={noSearch} onSearchGroups={noSearch} />;
}

function savedWith(s: string): SaveReply {
  return {
    policy: { method: 'app', smsAvailable: false, appAvailable: true, trustedIps: [], mandatoryUsers: [ALICE], mandatoryGroups: [FINANCE] },
    mismatches: [s], enrolNext: false, refusedLink: s, signedOut: false,
  };
}

/** Every place a portal string reaches the DOM, rendered with `s`. */
const SCREENS: [string, (s: string) => preact.JSX.Element][] = [
  ['StatusCard (my name and e-mail, mandatory users and groups, a stored trusted-IP entry)', (s) => (
    <StatusCard status={statusWith(s)} names={{ [ALICE]: { id: ALICE, name: s, email: `${s}@x.test` }, [FINANCE]: { id: FINANCE, name: s } }} />
  )],
  ['PolicyEditor (mandatory users and groups by name)', (s) => <Editor view={viewWith(s)} />],
  ['PolicySaved (names, a mismatch, a refused link)', (s) => (
    <PolicySaved reply={savedWith(s)} names={{ [ALICE]: { id: ALICE, name: s, email: `${s}@x.test` }, [FINANCE]: { id: FINANCE, name: s } }} signInUrl={`${ORIGIN}/login`} onEditAgain={() => undefined} />
  )],
  ['BackupCodeList (codes as the portal sent them, used and unused)', (s) => (
    <BackupCodeList codes={[{ isUsed: false, code: s }, { isUsed: true, code: s }]} host="docs.example.com" date={new Date(Date.UTC(2026, 0, 2))} />
  )],
  ['SetupKey (account and issuer)', (s) => <SetupKey setupKey="MFRGGZDFMZTWQ2LK" account={`${s}@x.test`} issuer={s} />],
  ['ErrorNotice (the portal\'s own error message)', (s) => <ErrorNotice error={{ kind: 'forbidden', origin: ORIGIN, message: s }} onRetry={() => undefined} />],
  ['ErrorNotice (a "not available" message)', (s) => <ErrorNotice error={{ kind: 'notAvailable', origin: ORIGIN, message: s }} />],
];

/** Each element as `tag[attribute names]`, in document order: what injected markup would change. */
function shape(root: Element): string[] {
  return [root, ...root.querySelectorAll('*')].map((el) => `${el.tagName.toLowerCase()}[${el.getAttributeNames().sort().join(',')}]`);
}

function expectNoActiveContent(root: Element): void {
  // The only SVG allowed is the icon set's own (components/icons.ts: lucide, decorative, hidden from screen readers).
  expect(root.querySelectorAll('script, iframe, object, embed, style, svg:not(.lucide[aria-hidden="true"]), img, h1, base, meta, link')).toHaveLength(0);
  for (const el of root.querySelectorAll('*')) {
    for (const name of el.getAttributeNames()) {
      expect(name).not.toMatch(/^on/i);
      if (name === 'href' || name === 'src') expect(el.getAttribute(name)).toMatch(/^(https:\/\/docs\.example\.com\/|blob:|data:image\/|#)/);
    }
  }
}

// The admins' policy block loads after the status (components/lazy.tsx): loaded first, so every render (the baseline
// included) shows it, and the hostile names in its lists are checked too.
await preloadPolicyBlock();

describe.each(SCREENS)('%s', (_screen, draw) => {
  const baseline = (() => {
    const { container } = render(draw(BENIGN));
    const out = shape(container);
    cleanup();
    return out;
  })();

  it.each(HOSTILE_STRINGS.map((s, i) => [i, s] as const))('hostile string %i is shown as text, nothing injected', (_i, s) => {
    const { container } = render(draw(s));
    // Shown as text, with only the bidi controls dropped (they could reorder the sentence around it).
    expect(container.textContent).toContain(cleanBidi(s));
    expect(container.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2067]/);
    expect(shape(container)).toEqual(baseline);
    expectNoActiveContent(container);
  });
});

describe('PolicySaved with a refused link', () => {
  it('says the link was refused instead of "your password is enough"', () => {
    const { container } = render(
      <PolicySaved reply={{ ...savedWith(BENIGN), mismatches: [], refusedLink: 'https://evil.example/confirm/TfaActivation' }} names={{}} signInUrl={`${ORIGIN}/login`} onEditAgain={() => undefined} />,
    );
    expect(container.textContent).toContain(policyText.linkRefused('https://evil.example/confirm/TfaActivation'));
    expect(container.textContent).not.toContain(policyText.exempt);
    expect(container.querySelector('a[href^="https://evil"]')).toBeNull();
  });
});
