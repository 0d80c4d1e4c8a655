// The bench's floor popup: the least a popup can do. It reads one storage.session key (named in its query: the
// status the real popup shows, as the background caches it), renders one line from it as text and sets the same
// User Timing mark as the real popup. Plain JS, no bundle, no framework; never part of a build (scripts/bench/floor.ts).
/* global chrome, document, location, performance, URLSearchParams */
const key = new URLSearchParams(location.search).get('key');
void chrome.storage.session.get(key).then((found) => {
  const held = found[key] ?? {};
  const name = held.lastStatus?.me?.displayName ?? held.login ?? '?';
  document.getElementById('status').textContent = `Signed in as ${name}`;
  performance.mark('tfa:status-visible');
});
