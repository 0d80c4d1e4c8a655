// Bundle sizes of the release build: every file each page loads as it opens.
import { resolve } from 'node:path';
import { bundleSize, kb } from '../bundle-size';
import { root, say } from './common';

/** What each page loads as it opens: each page loads one provider's screens (a chunk of their own). */
const PAGES: [label: string, entry: string, lazy: string[]][] = [
  ['popup (DocSpace)', 'popup.html', ['Popup-']],
  // An admin's popup also loads the "Portal policy" block, just after the status is on screen (components/lazy.tsx).
  ['popup + admin block', 'popup.html', ['Popup-', 'PolicyBlock-']],
  ['popup (Navixy)', 'popup.html', ['NavixyPopup-']],
  ['options (DocSpace)', 'options.html', ['Options-']],
  ['options (Navixy)', 'options.html', ['NavixyOptions-']],
  ['background.js', 'background.js', []],
];

export function bundles(): void {
  say('\nBundle sizes (release build, what each page loads):');
  for (const target of ['chrome-mv3', 'firefox-mv3']) {
    for (const [label, entry, lazy] of PAGES) {
      const s = bundleSize(resolve(root, '.output', target), entry, lazy);
      say(`  ${target.padEnd(12)} ${label.padEnd(19)} raw ${kb(s.raw).padStart(9)}  gzip ${kb(s.gzip).padStart(8)}  (${s.files.length} files)`);
    }
  }
}

/** The Chrome release build's gzip size of what a page loads. */
export const chromeGzip = (entry: string, lazy: string[]) => bundleSize(resolve(root, '.output', 'chrome-mv3'), entry, lazy).gzip;
