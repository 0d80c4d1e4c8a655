import { describe, expect, it } from 'vitest';
import { ProfileSchema, SetupCodeSchema, TfaConfirmSchema, TfaSettingsListSchema, toPolicy } from '../../lib/providers/docspace/schemas';

const guid = '11111111-2222-3333-4444-555555555555';

describe('TfaSettings list', () => {
  it.each([
    ['3.7 `available`', 'available'],
    ['3.6 `avaliable`', 'avaliable'],
  ])('reads the flag spelled as in %s', (_name, key) => {
    const list = TfaSettingsListSchema.parse([
      { id: 'sms', title: 'By SMS', enabled: false, [key]: false },
      { id: 'app', title: 'By authenticator app', enabled: true, [key]: true, trustedIps: ['10.0.0.0/8'], mandatoryUsers: [guid], mandatoryGroups: [] },
    ]);
    expect(toPolicy(list)).toEqual({
      method: 'app', smsAvailable: false, appAvailable: true, trustedIps: ['10.0.0.0/8'], mandatoryUsers: [guid], mandatoryGroups: [],
    });
  });

  it('treats omitted lists (never configured) as empty and an all-off list as method none', () => {
    const list = TfaSettingsListSchema.parse([
      { id: 'sms', title: 'By SMS', enabled: false, available: false },
      { id: 'app', title: 'By authenticator app', enabled: false, available: true },
    ]);
    expect(toPolicy(list)).toMatchObject({ method: 'none', trustedIps: [], mandatoryUsers: [], mandatoryGroups: [] });
  });

  it('rejects an entry of the wrong shape', () => {
    expect(TfaSettingsListSchema.safeParse([{ id: 'app', enabled: 'yes' }]).success).toBe(false);
    expect(TfaSettingsListSchema.safeParse({ id: 'app' }).success).toBe(false);
  });
});

describe('tfaapp/confirm', () => {
  it.each([
    ['3.6 bare string', 'https://p.example/confirm/TfaActivation?type=TfaActivation&uid=' + guid, { url: expect.stringContaining('/confirm/TfaActivation'), key: null }],
    ['3.6 empty string', '', null],
    ['3.7 object', { url: 'https://p.example/confirm/TfaAuth?type=TfaAuth&uid=' + guid, cookieName: 'asc_confirm_key_TfaAuth', cookieValue: '123.abc' }, { url: expect.stringContaining('TfaAuth'), key: '123.abc' }],
    ['3.7 no response', undefined, null],
    ['3.7 null', null, null],
  ])('%s', (_name, input, expected) => {
    expect(TfaConfirmSchema.parse(input)).toEqual(expected);
  });
});

describe('setup code', () => {
  it('renames fields and keeps only data: images', () => {
    const ok = SetupCodeSchema.parse({ account: 'a@b.c', manualEntryKey: 'MFRGGZDFMZTWQ2LK', qrCodeSetupImageUrl: 'data:image/png;base64,iVBORw0K' });
    expect(ok).toEqual({ account: 'a@b.c', setupKey: 'MFRGGZDFMZTWQ2LK', qrImage: 'data:image/png;base64,iVBORw0K' });
    const remote = SetupCodeSchema.parse({ account: 'a@b.c', manualEntryKey: 'MFRGGZDFMZTWQ2LK', qrCodeSetupImageUrl: 'https://evil.example/x.png' });
    expect(remote.qrImage).toBeNull();
  });

  it('rejects a key that is not Base32', () => {
    expect(SetupCodeSchema.safeParse({ account: 'a', manualEntryKey: 'not base32!' }).success).toBe(false);
  });
});

describe('profile', () => {
  it.each([
    [{ isOwner: true, isAdmin: true }, 'owner'],
    [{ isOwner: true, isAdmin: false }, 'owner'],
    [{ isAdmin: true }, 'admin'],
    [{ isVisitor: true }, 'guest'],
    [{ isRoomAdmin: true }, 'roomadmin'],
    [{ isCollaborator: true }, 'user'],
  ])('role from %o is %s', (flags, role) => {
    expect(ProfileSchema.parse({ id: guid, displayName: 'X', ...flags }).role).toBe(role);
  });

  it('decodes the HTML-encoded display name once (shown as text, never as HTML)', () => {
    const p = ProfileSchema.parse({ id: guid, displayName: '&lt;b&gt;Eve&lt;/b&gt; &amp; &quot;Co&quot; &#39;x&#39;' });
    expect(p.displayName).toBe('<b>Eve</b> & "Co" \'x\'');
  });

  it('falls back to the e-mail for a blank name and reports enrolment only when sent', () => {
    const p = ProfileSchema.parse({ id: guid, displayName: '', email: 'u@x.test' });
    expect(p.displayName).toBe('u@x.test');
    expect(p.isEnrolled).toBeNull();
    expect(ProfileSchema.parse({ id: guid, tfaAppEnabled: false }).isEnrolled).toBe(false);
  });
});
