// Signing a browser into the emulated portal: through its own sign-in form, or by handing over the cookie.
import type { RunningPortal } from '../../portal/server';
import type { E2EBrowser, E2EPage } from './types';

export { startPortal, type RunningPortal } from '../../portal/server';

/** The portal's session cookie, as DocSpace names it. */
export const AUTH_COOKIE = 'asc_auth_key';

/** Opens the portal's home page in a new tab and signs in through its HTML form, as a person would. */
export async function signInWithForm(browser: E2EBrowser, portal: RunningPortal, emailOrRole: string): Promise<E2EPage> {
  const user = portal.user(emailOrRole);
  const tab = await browser.openTab(`${portal.origin}/`);
  await tab.fill('E-mail', user.email);
  await tab.fill('Password', user.password);
  await tab.click('button', 'Sign in');
  await tab.waitForText(`Signed in as ${user.displayName}`);
  return tab;
}

/** Creates a portal session and gives the browser its cookie, then opens the portal's home page. */
export async function signInWithCookie(browser: E2EBrowser, portal: RunningPortal, emailOrRole: string): Promise<E2EPage> {
  const user = portal.user(emailOrRole);
  await browser.setCookie({ origin: portal.origin, name: AUTH_COOKIE, value: await portal.signIn(user.email) });
  const tab = await browser.openTab(`${portal.origin}/`);
  await tab.waitForText(`Signed in as ${user.displayName}`);
  return tab;
}
