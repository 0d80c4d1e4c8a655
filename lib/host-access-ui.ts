import { browser } from 'wxt/browser';

// Host access as the options page reads and changes it (the popup never needs these, so they stay out of its bundle).
/** The host patterns granted to the extension now (extension pages read browser state directly; no network). */
export async function grantedHostPatterns(): Promise<string[]> {
  try {
    return (await browser.permissions.getAll()).origins ?? [];
  } catch {
    return [];
  }
}

/** Gives up host access to `patterns`; false when the browser refused (e.g. access granted by the manifest). */
export async function removeHostAccess(patterns: string[]): Promise<boolean> {
  try {
    return await browser.permissions.remove({ origins: patterns });
  } catch {
    return false;
  }
}

/** Calls `changed` whenever host access is granted or removed (also in the browser's settings); returns the unsubscribe. */
export function onHostAccessChanged(changed: () => void): () => void {
  browser.permissions.onAdded.addListener(changed);
  browser.permissions.onRemoved.addListener(changed);
  return () => {
    browser.permissions.onAdded.removeListener(changed);
    browser.permissions.onRemoved.removeListener(changed);
  };
}
