// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { NavixySignInForm } from '../../components/navixy/NavixySignInForm';
import { NavixyDefaultForm } from '../../components/navixy/NavixyDefaultForm';
import { NavixyUserTable, filterUsers } from '../../components/navixy/NavixyUserTable';
import { NavixySummary, settingsText } from '../../components/navixy/NavixySummary';
import { BatchProgress } from '../../components/navixy/BatchProgress';
import type { NavixyStatus, NavixyUserRow } from '../../lib/protocol';

afterEach(cleanup);

const rows: NavixyUserRow[] = [
  { id: 1, login: 'anna@fleet.test', name: 'Anna Novak', mfaAllowed: true },
  { id: 2, login: 'boris@fleet.test', name: '<b>Boris</b>', mfaAllowed: false },
  { id: 3, login: 'chen@fleet.test', name: 'Chen Silva', mfaAllowed: false },
];

describe('NavixySignInForm', () => {
  it('sends login and password once and clears the password field', () => {
    const onSubmit = vi.fn();
    render(<NavixySignInForm host="panel.example.com" busy={false} onSubmit={onSubmit} />);
    const submit = screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText('Login'), { target: { value: ' admin@panel.test ' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 's3cret' } });
    fireEvent.click(submit);
    expect(onSubmit).toHaveBeenCalledWith('admin@panel.test', 's3cret');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Login') as HTMLInputElement).value).toBe(' admin@panel.test ');
  });
});

describe('NavixyDefaultForm', () => {
  it('starts on what the panel holds and saves the chosen settings with factor_types when allowed', () => {
    const onSave = vi.fn();
    render(<NavixyDefaultForm current={{ type: 'disallowed' }} busy={false} onSave={onSave} />);
    expect(screen.getByText('The panel holds: Disallowed.')).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Disallow MFA' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Allow MFA (e-mail code)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save default' }));
    expect(onSave).toHaveBeenCalledWith({ type: 'allowed', factor_types: ['email'] });
  });
});

describe('NavixyUserTable', () => {
  it('shows names as text, MFA in words, and selects all shown users', () => {
    const onToggleAll = vi.fn();
    const onToggle = vi.fn();
    const { container } = render(
      <NavixyUserTable users={rows} selected={new Set([1])} filter="" disabled={false} onFilter={vi.fn()} onToggle={onToggle} onToggleAll={onToggleAll} />,
    );
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByText('<b>Boris</b>')).toBeTruthy();
    expect(screen.getAllByText('Allowed')).toHaveLength(1);
    expect(screen.getAllByText('Disallowed')).toHaveLength(2);
    expect(screen.getByText('1 user selected.')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown users' }));
    expect(onToggleAll).toHaveBeenCalledWith([1, 2, 3], true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Chen Silva' }));
    expect(onToggle).toHaveBeenCalledWith(3, true);
  });

  it('filters by name or login, case-insensitively', () => {
    expect(filterUsers(rows, 'NOVAK').map((u) => u.id)).toEqual([1]);
    expect(filterUsers(rows, 'fleet.test').map((u) => u.id)).toEqual([1, 2, 3]);
    expect(filterUsers(rows, '  ').map((u) => u.id)).toEqual([1, 2, 3]);
    render(<NavixyUserTable users={rows} selected={new Set()} filter="nobody" disabled={false} onFilter={vi.fn()} onToggle={vi.fn()} onToggleAll={vi.fn()} />);
    expect(screen.getByText('No users match.')).toBeTruthy();
  });
});

describe('NavixySummary and BatchProgress', () => {
  it('the popup summary says the default and the count in words', () => {
    const status: NavixyStatus = {
      panel: 'https://panel.example.com', host: 'panel.example.com', apiBase: 'https://api.example.com/v2', granted: true, login: 'admin@panel.test',
      state: 'ready', checkedAt: 0, defaultSettings: { type: 'allowed', factor_types: ['email'] }, usersTotal: 250, mfaAllowed: 51,
    };
    render(<NavixySummary status={status} />);
    expect(screen.getByText('Allowed (e-mail code)')).toBeTruthy();
    expect(screen.getByText('51 of 250 users')).toBeTruthy();
    expect(screen.getByText('Signed in to the panel as admin@panel.test')).toBeTruthy();
    expect(settingsText(null)).toBe('Not set');
  });

  it('progress is a live status region, empty until a change runs', () => {
    const { rerender } = render(<BatchProgress progress={null} />);
    expect(screen.getByRole('status').textContent).toBe('');
    rerender(<BatchProgress progress={{ batch: 2, batches: 3, done: 100, total: 250 }} />);
    expect(screen.getByRole('status').textContent).toBe('Batch 2 of 3: 100 of 250 users done.');
    const bar = screen.getByRole('progressbar', { name: 'Progress of the change' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([100, 250]);
  });
});
