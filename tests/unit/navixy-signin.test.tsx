// @vitest-environment happy-dom
// Issue 25: the API address of a panel being added (Navixy's regional servers as choices, not the legacy host),
// the sign-in form's "not on the panel's domain" warning (a registrable domain by the Public Suffix List), and the
// API address the form showed going back with the sign-in.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { apiOnPanelDomain } from '../../lib/providers/navixy/domain';
import { NavixySignInForm } from '../../lib/providers/navixy/components/NavixySignInForm';
import { NAVIXY_API_SERVERS, NavixyApiServerField } from '../../lib/providers/navixy/components/NavixyApiServerField';
import { localPanelError } from '../../lib/providers/navixy/errors';
import { describeError } from '../../lib/messages';
import { messageFor } from '../support/locale-catalogs';
import '../../lib/providers/navixy/error-text';

afterEach(cleanup);

const REGIONAL = ['https://api.eu.navixy.com/v2', 'https://api.us.navixy.com/v2', 'https://api.me.navixy.com/v2'];

describe('the API host is on the panel\'s registrable domain (Public Suffix List, private suffixes included)', () => {
  it.each([
    ['panel.example.co.uk', 'api.example.co.uk', true],
    ['panel.example.com', 'api.example.com', true],
    ['panel.navixy.com', 'api.eu.navixy.com', true],
    ['PANEL.Example.COM', 'api.example.com:8443', true],
    ['127.0.0.1', '127.0.0.1', true],
    ['127.0.0.1:3000', '127.0.0.1:4000', true],
    ['localhost:3000', 'localhost:4000', true],
    ['[::1]:3000', '[::1]:4000', true],
    // A private suffix: two sites, although the last two labels are the same.
    ['a.github.io', 'b.github.io', false],
    ['fleet.herokuapp.com', 'api.herokuapp.com', false],
    // The last two labels are a public suffix: two sites.
    ['panel.one.co.uk', 'api.two.co.uk', false],
    ['panel.example.com', 'api.eu.navixy.com', false],
    ['panel.example.com', 'example.com.evil.net', false],
    ['127.0.0.1', '127.0.0.2', false],
    ['10.0.0.1', '10.0.1.1', false],
    ['localhost', '127.0.0.1', false],
    ['co.uk', 'co.uk', true],
    ['panel.example.com', 'api.example.com@evil.net', false],
    ['', '', false],
  ])('%s and %s: %s', (panel, api, expected) => expect(apiOnPanelDomain(panel, api)).toBe(expected));
});

describe('NavixySignInForm', () => {
  const form = (host: string, apiBase: string, onSubmit = vi.fn()) => render(<NavixySignInForm host={host} apiBase={apiBase} busy={false} onSubmit={onSubmit} />);
  const warning = (c: ParentNode) => c.querySelector('[data-field="navixy-foreign-api"]');
  const submit = () => screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement;

  it('sends login, password and the API address it showed, once, and clears the password field', async () => {
    const onSubmit = vi.fn();
    const { container } = form('panel.example.com', 'https://api.example.com/v2', onSubmit);
    expect(container.querySelector('[data-field="navixy-sent-to"]')?.textContent).toBe('Your password is sent to api.example.com (this panel’s API) and to no other site.');
    fireEvent.input(screen.getByLabelText('Login'), { target: { value: ' admin@panel.test ' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 's3cret' } });
    await waitFor(() => expect(submit().disabled).toBe(false));
    fireEvent.click(submit());
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith('admin@panel.test', 's3cret', 'https://api.example.com/v2');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    expect(screen.getByText(/the login is the panel ID/)).toBeTruthy();
  });

  it.each([
    ['a.github.io', 'https://b.github.io/v2', 'b.github.io'],
    ['panel.one.co.uk', 'https://api.two.co.uk/v2', 'api.two.co.uk'],
    ['panel.example.com', 'https://api.eu.navixy.com/v2', 'api.eu.navixy.com'],
  ])('warns, naming the API host, when %s and %s are two sites', async (host, apiBase, apiHost) => {
    const { container } = form(host, apiBase);
    await waitFor(() => expect(warning(container)?.textContent).toBe(`${apiHost} is not on the domain of the panel ${host}. Sign in only if you know this is your panel’s real API.`));
    // The password field is described by the warning too, so a screen reader reads it there.
    expect(screen.getByLabelText('Password').getAttribute('aria-describedby')).toContain(warning(container)!.id);
  });

  it.each([
    ['panel.example.co.uk', 'https://api.example.co.uk/v2'],
    ['panel.example.com', 'https://api.example.com/v2'],
    ['127.0.0.1:3000', 'http://127.0.0.1:4000/v2'],
  ])('does not warn when %s and %s are one site', async (host, apiBase) => {
    fireEvent.input(form(host, apiBase).getByLabelText('Login'), { target: { value: 'admin' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'x' } });
    await waitFor(() => expect(submit().disabled).toBe(false));
    expect(warning(document.body)).toBeNull();
  });
});

describe('NavixyApiServerField', () => {
  function Harness({ initial = '', onChange = vi.fn() }: { initial?: string; onChange?: (v: string) => void }) {
    return <NavixyApiServerField value={initial} invalid={false} onChange={onChange} />;
  }
  const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;

  it('offers Navixy\'s three regional servers and "on-premise or other" in a group with a legend; none is the legacy host', () => {
    render(<Harness />);
    const group = screen.getByRole('group', { name: 'Where the panel’s API is' });
    expect(group.tagName).toBe('FIELDSET');
    expect(['Europe', 'Americas (US)', 'Middle East', 'On-premise or other'].map((n) => radio(n).checked)).toEqual([false, false, false, false]);
    // Each regional server's address is shown beside its name and is the radio button's description.
    expect(['Europe', 'Americas (US)', 'Middle East'].map((n) => document.getElementById(radio(n).getAttribute('aria-describedby')!)?.textContent)).toEqual(REGIONAL);
    expect(NAVIXY_API_SERVERS.map((s) => s.apiBase)).toEqual(REGIONAL);
    expect(document.body.textContent).not.toContain('https://api.navixy.com');
    expect(screen.getByLabelText('API base URL').getAttribute('aria-describedby')).toBe(screen.getByText(/usually https:\/\/api.<your-domain>\/v2/).id);
  });

  it.each([['Europe', 0], ['Americas (US)', 1], ['Middle East', 2]] as const)('choosing %s fills the field with its API base URL', (name, i) => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    fireEvent.click(radio(name));
    expect(onChange).toHaveBeenCalledExactlyOnceWith(REGIONAL[i]);
  });

  it('the choice follows the field: a regional address checks its region, another address "on-premise or other"', () => {
    const { rerender } = render(<Harness initial="https://api.us.navixy.com/v2/" />);
    expect(radio('Americas (US)').checked).toBe(true);
    rerender(<Harness initial="https://api.fleet.example/v2" />);
    expect(radio('On-premise or other').checked).toBe(true);
    expect(radio('Americas (US)').checked).toBe(false);
  });

  it('"on-premise or other" empties a regional address for the panel\'s own', () => {
    const onChange = vi.fn();
    render(<Harness initial="https://api.me.navixy.com/v2" onChange={onChange} />);
    fireEvent.click(radio('On-premise or other'));
    expect(onChange).toHaveBeenCalledExactlyOnceWith('');
  });

  it('the legacy host typed in the field is named as such, with the advice to choose a region', () => {
    render(<Harness initial="https://api.navixy.com/v2" />);
    expect(screen.getByText(/https:\/\/api.navixy.com\/v2 is Navixy’s legacy address, not one of its regional servers/)).toBeTruthy();
  });
});

describe('strings', () => {
  it.each(['en', 'ru'])('%s: the API hints name the regional servers and the on-premise pattern, never the legacy host as an example', (lang) => {
    const notNavixy = messageFor(lang, 'navixy.errors.notNavixy.next');
    for (const server of REGIONAL) expect(notNavixy).toContain(server);
    expect(notNavixy).toMatch(/https:\/\/api\.<[^>]+>\/v2/);
    expect(messageFor(lang, 'navixy.panels.apiBaseHint')).toMatch(/https:\/\/api\.<[^>]+>\/v2/);
    for (const key of ['navixy.panels.apiBaseHint', 'navixy.panels.apiServerHint', 'navixy.errors.notNavixy.next', 'navixy.panels.panelUrlHint']) {
      expect(messageFor(lang, key), key).not.toContain('https://api.navixy.com');
    }
  });

  it('a sign-in refused because the API address changed says nothing was sent and to sign in again', () => {
    const text = describeError(localPanelError('https://panel.example.com', 'apiChangedMeanwhile'));
    expect(text.message).toBe('The API address of the panel panel.example.com changed after this sign-in form was shown, so your password was not sent.');
    expect(text.next).toBe('Check the API address the form now shows (or under Navixy panels) and sign in again.');
    expect(text.canRetry).toBe(false);
  });
});
