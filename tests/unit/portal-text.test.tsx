// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanBidi, isolate, isolateAlways, withoutIsolates } from '../../lib/i18n/bidi';
import { PortalText } from '../../components/PortalText';
import { common } from '../../lib/i18n/common';
import { describeError } from '../../lib/messages';
import { owner } from '../../lib/providers/docspace/i18n/enrolment';
import { policy } from '../../lib/providers/docspace/i18n/policy';
import { entityLabel } from '../../lib/providers/docspace/components/EntityPicker';
import { navixy } from '../../lib/providers/navixy/i18n';
import { panelErrorText } from '../../lib/providers/navixy/messages';
import { NavixyUserTable } from '../../lib/providers/navixy/components/NavixyUserTable';
import { SetupKey } from '../../lib/providers/docspace/components/SetupKey';

/**
 * Portal text of any script and shape (issue 14 §2): in markup it sits in a <bdi dir=auto> that breaks
 * anywhere; inside one of our sentences it is isolated (FSI…PDI) when it holds right-to-left characters,
 * and bidi controls are dropped everywhere so none can reorder the words around it.
 */
afterEach(cleanup);

const FSI = '\u2068';
const PDI = '\u2069';
const ARABIC = 'محمد عبد الله';
const OVERRIDE = '\u202Egnp.exe\u202C';
const LONG = 'W'.repeat(300);
const CONTROLS = /[\u202A-\u202E\u2066\u2067]/;

describe('bidi primitives', () => {
  it('cleanBidi drops embeddings, overrides and isolates, keeps marks and text', () => {
    expect(cleanBidi('a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069j\u200Fk')).toBe('abcdefghij\u200Fk');
  });

  it('isolate wraps right-to-left text only; a stray PDI cannot close our isolate early', () => {
    expect(isolate(ARABIC)).toBe(`${FSI}${ARABIC}${PDI}`);
    expect(isolate(`x${PDI}${ARABIC}`)).toBe(`${FSI}x${ARABIC}${PDI}`);
    expect(isolate('Alice')).toBe('Alice');
    expect(isolate(OVERRIDE)).toBe('gnp.exe');
    expect(isolateAlways('Alice')).toBe(`${FSI}Alice${PDI}`);
    expect(withoutIsolates(isolate(ARABIC))).toBe(ARABIC);
  });

  it('PortalText is a <bdi dir=auto class=portal-text> with the controls dropped', () => {
    const { container } = render(<PortalText text={`${OVERRIDE} ${ARABIC}`} class="extra" />);
    const bdi = container.querySelector('bdi')!;
    expect(bdi.getAttribute('dir')).toBe('auto');
    expect(bdi.className).toBe('portal-text extra');
    expect(bdi.textContent).toBe(`gnp.exe ${ARABIC}`);
  });
});

/** Every sentence of ours that carries a portal string, with the string it was given. */
const SENTENCES: [string, (s: string) => string][] = [
  ['common.signedInAs (popup)', (s) => common.signedInAs(s)],
  ['owner.choose', (s) => owner.choose(s)],
  ['owner.confirmTitle', (s) => owner.confirmTitle(s)],
  ['owner.done', (s) => owner.done(s)],
  ['owner.notEnrolled', (s) => owner.notEnrolled(s)],
  ['policy.invalidId', (s) => policy.invalidId(s)],
  ['policy.linkRefused', (s) => policy.linkRefused(s)],
  ['entityLabel (a named user, joined into lists)', (s) => entityLabel({ id: 'x', name: s }, 'user')],
  ['error: the portal\'s own message (forbidden)', (s) => describeError({ kind: 'forbidden', origin: 'https://docs.example.com', message: s }).message],
  ['error: not available', (s) => describeError({ kind: 'notAvailable', origin: 'https://docs.example.com', message: s }).message],
  ['error: not found', (s) => describeError({ kind: 'notFound', origin: 'https://docs.example.com', message: s }).message],
  ['error: invalid input', (s) => describeError({ kind: 'invalidInput', origin: 'https://docs.example.com', message: s }).message],
  ['navixy: signed in as (popup)', (s) => navixy.popup.signedInAs(s)],
  ['navixy: signed in as (panels)', (s) => navixy.panels.signedInAs(s)],
  ['navixy: select a user', (s) => navixy.users.select(s)],
  ['navixy: the panel\'s refusal', (s) => panelErrorText.other('panel.example.com', 7, s).message],
];

describe.each(SENTENCES)('%s', (_name, sentence) => {
  it('isolates a right-to-left value', () => {
    expect(sentence(ARABIC)).toContain(`${FSI}${ARABIC}${PDI}`);
  });
  it('drops bidi controls, so an override cannot reverse the sentence', () => {
    const out = sentence(`${OVERRIDE} ${ARABIC}`);
    expect(out).not.toMatch(CONTROLS);
    expect(out).toContain(`${FSI}gnp.exe ${ARABIC}${PDI}`);
  });
  it('leaves left-to-right text as it is', () => {
    expect(sentence('Alice Anderson')).toContain('Alice Anderson');
    expect(sentence('Alice Anderson')).not.toContain(FSI);
  });
});

describe('markup that shows portal strings', () => {
  it('Navixy user table: name and login cells (each its own bidi paragraph) breakable, controls dropped', () => {
    const { container } = render(
      <NavixyUserTable users={[{ id: 1, login: `${LONG}@x.test`, name: `${OVERRIDE} ${ARABIC}`, mfaAllowed: true, active: true }]} selected={new Set()} disabled={false} onToggle={() => undefined} onToggleAll={() => undefined} />,
    );
    const texts = [...container.querySelectorAll('td.portal-text')].map((b) => b.textContent);
    expect(texts[0]).toContain(`gnp.exe ${ARABIC}`);
    expect(texts[1]).toBe(`${LONG}@x.test`);
    expect(container.textContent).not.toMatch(CONTROLS);
  });

  it('setup key: account and issuer in <bdi>', () => {
    const { container } = render(<SetupKey setupKey="MFRGGZDFMZTWQ2LK" account={`${ARABIC}@x.test`} issuer={OVERRIDE} />);
    expect([...container.querySelectorAll('bdi.portal-text')].map((b) => b.textContent)).toEqual([`${ARABIC}@x.test`, 'gnp.exe']);
  });
});

describe('styles: long unbroken strings break, views keep their width', () => {
  const css = (path: string) => readFileSync(join(import.meta.dirname, '../..', path), 'utf8');
  it('portal text and the page body break anywhere; portal text is isolated', () => {
    const theme = css('components/theme.css');
    expect(theme).toMatch(/\.portal-text\s*\{[^}]*unicode-bidi:\s*isolate[^}]*overflow-wrap:\s*anywhere/);
    expect(theme).toMatch(/body\s*\{\s*overflow-wrap:\s*anywhere/);
  });
  it('the popup header breaks anywhere (not break-all, which splits every word), and grid columns may shrink', () => {
    const popup = css('entrypoints/popup/popup.css');
    expect(popup).not.toMatch(/break-all/);
    expect(popup).toMatch(/header h1\s*\{[^}]*overflow-wrap:\s*anywhere/);
    expect(popup).toMatch(/\.status-card dl\s*\{[^}]*minmax\(0, 1fr\)/);
  });
});
