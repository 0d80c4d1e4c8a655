import { browser } from 'wxt/browser';

/** Install-time welcome: the options page explains how to start from a portal tab. */
export function registerLifecycle(): void {
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install') void browser.runtime.openOptionsPage();
  });
}
