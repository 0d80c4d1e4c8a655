// Runs in Firefox's parent process (a WebExtension experiment): loaded only into test browsers, as a temporary
// add-on, which Debian's Firefox allows experiments for. Each call answers '' or the error's text, since an
// experiment's own errors reach the caller only as "An unexpected error occurred".
/* global ExtensionAPI, ChromeUtils, Services, WebExtensionPolicy */
'use strict';

this.harness = class extends ExtensionAPI {
  getAPI() {
    const extensionOf = (id) => {
      const policy = WebExtensionPolicy.getByID(id);
      if (!policy) throw new Error(`no extension ${id} is installed`);
      return policy.extension;
    };
    const answer = async (call) => {
      try {
        await call();
        return '';
      } catch (e) {
        return String(e?.stack ? `${e}\n${e.stack}` : e);
      }
    };
    return {
      harness: {
        // The same call about:addons' permission switches make.
        setHostAccess: (id, pattern, granted) =>
          answer(async () => {
            const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
            await ExtensionPermissions[granted ? 'add' : 'remove'](id, { permissions: [], origins: [pattern] }, extensionOf(id));
          }),
        // The same call about:debugging's "Terminate background script" makes.
        terminateBackground: (id) =>
          answer(async () => {
            const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
            await ExtensionParent.DebugUtils.terminateBackgroundScript(id);
          }),
        wakeupBackground: (id) => answer(() => extensionOf(id).wakeupBackground()),
        // about:addons' "Run in Private Windows": the permission, then a reload, as that switch does. The reload is
        // not awaited (the caller polls until the extension sees private windows).
        allowPrivateBrowsing: (id) =>
          answer(async () => {
            const extension = extensionOf(id);
            if (WebExtensionPolicy.getByID(id).privateBrowsingAllowed) return;
            const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
            const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
            await ExtensionPermissions.add(id, { permissions: ['internal:privateBrowsingAllowed'], origins: [] }, extension);
            void AddonManager.getAddonByID(id).then((addon) => addon.reload());
          }),
        // A tab in Firefox's first default container ("Personal", userContextId 1), enabled by the pref the
        // containers UI sets, in the newest browser window's tab strip.
        openContainerTab: (url) =>
          answer(async () => {
            Services.prefs.setBoolPref('privacy.userContext.enabled', true);
            const gBrowser = Services.wm.getMostRecentWindow('navigator:browser').gBrowser;
            gBrowser.addTab(url, { userContextId: 1, triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
          }),
      },
    };
  }
};
