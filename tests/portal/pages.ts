// Minimal HTML pages: home/sign-in, the TFA confirm pages, sign-out. Every user-supplied string is escaped.
// SIMPLIFIED: they stand in for the DocSpace-client login app (a Next.js front end calling the API); English only,
// with the API's English error text.
import { passwordSignIn } from './api-auth';
import { tenantDomain, validateCode } from './api-tfa';
import { AUTH_COOKIE, type Ctx, authenticate, clearCookie, confirmAuth, formBody } from './context';
import { qrPngDataUrl } from './png';
import type { ConfirmType } from './tfa';
import { ApiError, EmptyStatus, htmlEncode as esc } from './wire';

export interface PageResult {
  status: number;
  html?: string;
  location?: string;
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1f2328}
main{max-width:32rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}
label{display:block;margin:.75rem 0 .25rem}input{font:inherit;padding:.4rem;width:100%;box-sizing:border-box}
button{font:inherit;margin-top:1rem;padding:.4rem 1rem}code,kbd{font-family:ui-monospace,monospace}
.error{color:#b3261e}.key{font:bold 1.2rem ui-monospace,monospace;letter-spacing:.1em}`;

export function page(title: string, body: string, status = 200): PageResult {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>DocSpace (emulated)</title><style>${STYLE}</style></head>
<body><main><h1>${esc(title)}</h1>
${body}
</main></body></html>`;
  return { status, html };
}

const errorLine = (msg?: string): string => (msg ? `<p class="error" role="alert">${esc(msg)}</p>` : '');

function signInForm(error?: string, status = 200): PageResult {
  return page(
    'Sign in',
    `${errorLine(error)}<form method="post" action="/login">
<label for="userName">E-mail</label><input id="userName" name="userName" type="email" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form>
<p>Demo accounts: <code>owner@demo.test</code>, <code>admin@demo.test</code>, <code>user@demo.test</code>… password <code>demo-password</code>.</p>`,
    status,
  );
}

export function homePage(ctx: Ctx): PageResult {
  const caller = authenticate(ctx);
  if (!caller || caller.kind !== 'cookie') {
    return signInForm();
  }
  const st = ctx.state;
  const u = caller.user;
  const codes = st.backupCodes(u.id).filter((c) => !c.isUsed);
  const tfa = st.app.enable
    ? `<p>Two-factor authentication: ${st.isEnrolled(u.id) ? 'enrolled' : 'not enrolled'}.</p>`
    : '<p>Two-factor authentication is off on this portal.</p>';
  const list = codes.length ? `<p>Unused backup codes:</p><ol>${codes.map((c) => `<li><code>${esc(c.code)}</code></li>`).join('')}</ol>` : '';
  return page(
    'DocSpace',
    `<p>Signed in as <strong>${esc(u.displayName)}</strong> (${esc(u.email)}, ${esc(u.role)}).</p>${tfa}${list}
<form method="post" action="/logout"><button type="submit">Sign out</button></form>`,
  );
}

function messageOf(e: unknown): { message: string; status: number } {
  if (e instanceof ApiError) {
    return { message: e.message, status: e.status };
  }
  if (e instanceof EmptyStatus) {
    return { message: 'This link is invalid or has expired.', status: e.status };
  }
  throw e;
}

export function postLogin(ctx: Ctx): PageResult {
  const form = formBody(ctx);
  try {
    const out = passwordSignIn(ctx, { userName: form.get('userName') ?? '', password: form.get('password') ?? '' });
    if (out.kind === 'session') {
      return { status: 303, location: '/' };
    }
    const url = new URL(out.confirmUrl);
    return { status: 303, location: `${url.pathname}${url.search}` };
  } catch (e) {
    const { message, status } = messageOf(e);
    return signInForm(message, status);
  }
}

export function postLogout(ctx: Ctx): PageResult {
  const caller = authenticate(ctx);
  if (caller?.token) {
    ctx.state.dropSession(caller.token);
  }
  clearCookie(ctx, AUTH_COOKIE);
  return { status: 303, location: '/' };
}

function codeForm(ctx: Ctx, label: string, button: string): string {
  const action = `${ctx.path}?${ctx.query.toString()}`;
  return `<form method="post" action="${esc(action)}">
<label for="code">${esc(label)}</label>
<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" placeholder="Enter code" required>
<button type="submit">${esc(button)}</button></form>`;
}

function renderConfirm(ctx: Ctx, type: ConfirmType, error?: string, status = 200): PageResult {
  const st = ctx.state;
  try {
    const { user } = confirmAuth(ctx, [type], false, ctx.query.toString());
    if (type === 'TfaAuth') {
      return page(
        'Enter code from authentication app',
        `<p>Enter 6-digit generated code from your app. If you don't have access to your phone, use the backup codes.</p>
${errorLine(error)}${codeForm(ctx, '6-digit code', 'Continue')}`,
        status,
      );
    }
    if (!st.app.enable || st.isEnrolled(user.id)) {
      return page('Set up your authenticator app', errorLine('TFA application settings are not available'), 403);
    }
    const key = st.ensureSecret(user.id);
    const issuer = encodeURIComponent(tenantDomain());
    const qr = qrPngDataUrl(`otpauth://totp/${issuer}:${encodeURI(user.email)}?secret=${key}&issuer=${issuer}`);
    return page(
      'Set up your authenticator app',
      `<p>Account: ${esc(user.email)}</p>
<p><img src="${qr}" width="180" height="180" alt="QR code for the authenticator app"></p>
<p>Setup key: <span class="key">${esc(key)}</span></p>
${errorLine(error)}${codeForm(ctx, 'Enter the 6-digit code generated by your authenticator app', 'Connect app')}`,
      status,
    );
  } catch (e) {
    const m = messageOf(e);
    return page('Two-factor authentication', errorLine(m.message), m.status);
  }
}

export function confirmPage(ctx: Ctx, type: ConfirmType): PageResult {
  return renderConfirm(ctx, type);
}

export async function postConfirmPage(ctx: Ctx, type: ConfirmType): Promise<PageResult> {
  let user;
  try {
    user = confirmAuth(ctx, [type], false, ctx.query.toString()).user;
  } catch (e) {
    const m = messageOf(e);
    return page('Two-factor authentication', errorLine(m.message), m.status);
  }
  try {
    await validateCode(ctx, user, formBody(ctx).get('code') ?? '', type);
    return { status: 303, location: '/' };
  } catch (e) {
    const m = messageOf(e);
    return renderConfirm(ctx, type, m.message, m.status);
  }
}
