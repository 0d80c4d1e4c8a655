// The enrolment page's steps as a person walks them (English UI), shared by the specs that enrol.
import type { E2EPage } from './types';

/** The setup key the page shows, without the spaces it is grouped with. */
export const shownSetupKey = (page: E2EPage): Promise<string> =>
  page.evaluate(() => document.querySelector('.setup-key-value')?.textContent?.replace(/\s+/g, '') ?? '');

/** From step 1 to the code step; returns the setup key read from the page on the way. */
export async function walkToCodeStep(page: E2EPage): Promise<string> {
  await page.waitForText('Get an authenticator app');
  await page.click('button', 'Next');
  await page.waitForText('Setup key');
  const key = await shownSetupKey(page);
  await page.click('button', 'Next');
  await page.waitForText('Enter the code from the app');
  return key;
}
