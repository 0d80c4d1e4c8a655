import { browser } from 'wxt/browser';
import type { PortalStatus } from '../protocol';
import { badgeFor } from '../tfa/applicability';
import { badge as t } from '../i18n/badge';

/** Sets the toolbar badge and its accessible title for one tab. */
export async function showBadge(tabId: number | undefined, status: PortalStatus | null): Promise<void> {
  if (tabId === undefined) return;
  const { text, tone } = status ? badgeFor(status.applies, status.enrolment) : { text: '', tone: 'none' as const };
  try {
    await browser.action.setBadgeText({ tabId, text });
    if (tone !== 'none') await browser.action.setBadgeBackgroundColor({ tabId, color: tone === 'ok' ? '#1a7f37' : '#c11c2b' });
    await browser.action.setTitle({ tabId, title: status && tone !== 'none' ? t.title[tone] : t.defaultTitle });
  } catch {
    // The tab may have closed meanwhile.
  }
}
