// @vitest-environment happy-dom
// Issue 25 §5: a default holding a factor type the extension cannot read is shown, and "allow" is never written from it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { NavixyDefaultForm } from '../../lib/providers/navixy/components/NavixyDefaultForm';

afterEach(cleanup);

describe('NavixyDefaultForm with factor types by any name', () => {
  it('a name with capitals and a hyphen is shown as the panel spells it and kept when saving', () => {
    const onSave = vi.fn();
    render(<NavixyDefaultForm host="panel.example.com" current={{ type: 'allowed', factor_types: ['email', 'Authenticator-App'] }} busy={false} canUpdate onSave={onSave} />);
    expect(screen.getByText('Default MFA: Allowed (email code and Authenticator-App)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the default' }));
    expect(onSave).toHaveBeenCalledWith({ type: 'allowed', factor_types: ['email', 'Authenticator-App'] }, false);
  });

  it('an unreadable factor type: shown as such, "allow" is not offered and saving it is impossible; "disallow" still is', () => {
    const onSave = vi.fn();
    const { container } = render(<NavixyDefaultForm host="panel.example.com" current={{ type: 'allowed', factor_types: ['email'], unreadable: true }} busy={false} canUpdate onSave={onSave} />);
    expect(screen.getByText('Default MFA: Allowed (email code and a factor type the extension cannot read)')).toBeTruthy();
    expect(container.querySelector('[data-field="navixy-unreadable"]')?.textContent).toBe(
      'The default of the Navixy panel panel.example.com holds a factor type the extension cannot read, so allowing MFA from here could drop it.',
    );
    const allow = screen.getByRole('radio', { name: /^Allow MFA/ }) as HTMLInputElement;
    expect(allow.disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Disallow MFA' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the default' }));
    expect(onSave).toHaveBeenCalledWith({ type: 'disallowed' }, false);
  });
});
