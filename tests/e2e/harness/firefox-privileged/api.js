// Runs in Firefox's parent process (a WebExtension experiment): loaded only into test browsers, as a temporary
// add-on, which Debian's Firefox allows experiments for. Each call answers '' or the error's text, since an
// experiment's own errors reach the caller only as "An unexpected error occurred".
/* global ExtensionAPI, ChromeUtils, WebExtensionPolicy */
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
      },
    };
  }
};
