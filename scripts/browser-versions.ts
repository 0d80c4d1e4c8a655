// The oldest Firefox the extension claims (wxt.config.ts's strict_min_version) and the end-to-end harness accepts.
// `npm test` runs a Firefox pass on exactly this major version (tests/e2e/harness/versions.ts), so the claim stays tested.

/** Firefox (desktop) 140: `data_collection_permissions`; Firefox ESR 140 is Debian 12's older ESR. */
export const FIREFOX_MIN_VERSION = 140;
/** Firefox for Android reads `data_collection_permissions` from 142 on. */
export const FIREFOX_ANDROID_MIN_VERSION = 142;
