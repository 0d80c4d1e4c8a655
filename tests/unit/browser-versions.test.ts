import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIREFOX_ANDROID_MIN_VERSION, FIREFOX_MIN_VERSION } from '../../scripts/browser-versions';
import { MIN_BROWSER_MAJOR, browserVersionProblem, parseBrowserVersion } from '../e2e/harness/versions';

describe('the browser version the end-to-end harness reads', () => {
  it.each([
    ['Mozilla Firefox 140.12.0esr\n', '140.12.0esr', 140],
    ['Mozilla Firefox 153.8.0esr', '153.8.0esr', 153],
    ['Mozilla Firefox 141.0b3', '141.0b3', 141],
    ['Chromium 156.0.8078.129 built on Debian GNU/Linux 12 (bookworm)', '156.0.8078.129', 156],
    ['firefox/140.12.0', '140.12.0', 140],
  ])('%j is %s', (output, version, major) => {
    expect(parseBrowserVersion(output)).toEqual({ version, major });
  });

  it.each(['', 'Mozilla Firefox', 'spawnSync /nope ENOENT', 'Mozilla Firefox 140'])('%j names no version', (output) => {
    expect(parseBrowserVersion(output)).toBeUndefined();
  });
});

describe('the harness refuses a browser older than it supports', () => {
  it('Firefox: the minimum is the manifest’s strict_min_version', () => {
    expect(MIN_BROWSER_MAJOR.firefox).toBe(FIREFOX_MIN_VERSION);
    const config = readFileSync(new URL('../../wxt.config.ts', import.meta.url), 'utf8');
    expect(config).toContain('strict_min_version: `${FIREFOX_MIN_VERSION}.0`');
    expect(config).toContain('strict_min_version: `${FIREFOX_ANDROID_MIN_VERSION}.0`');
    expect([FIREFOX_MIN_VERSION, FIREFOX_ANDROID_MIN_VERSION]).toEqual([140, 142]);
  });

  it('an older Firefox: one sentence with the version found, the minimum and both fixes', () => {
    const problem = browserVersionProblem('firefox', '/opt/ff/firefox', 'Mozilla Firefox 128.14.0esr', { minimum: 140 });
    expect(problem).toBe(
      'firefox: /opt/ff/firefox is version 128.14.0esr, older than 140, the oldest version the extension and the end-to-end harness support. ' +
        'Update it (apt-get update && apt-get install firefox-esr) or point FIREFOX_BIN at firefox 140 or newer.',
    );
  });

  it.each(['Mozilla Firefox 140.0esr', 'Mozilla Firefox 140.12.0esr', 'Mozilla Firefox 153.8.0esr'])('%s is accepted', (output) => {
    expect(browserVersionProblem('firefox', '/usr/bin/firefox-esr', output, { minimum: 140 })).toBeUndefined();
  });

  it('a version it cannot read is a problem, quoting what the binary said', () => {
    expect(browserVersionProblem('firefox', '/usr/bin/firefox-esr', 'Error: spawn EACCES', { minimum: 140 })).toBe(
      'firefox: cannot tell which version /usr/bin/firefox-esr is (`/usr/bin/firefox-esr --version` said "Error: spawn EACCES"); the end-to-end tests need firefox 140 or newer.',
    );
  });

  it('the oldest-version pass needs that very major version', () => {
    expect(browserVersionProblem('firefox', '/opt/ff140/firefox-esr', 'Mozilla Firefox 140.12.0esr', { minimum: 140, exact: true })).toBeUndefined();
    expect(browserVersionProblem('firefox', '/usr/bin/firefox-esr', 'Mozilla Firefox 153.8.0esr', { minimum: 140, exact: true })).toBe(
      'firefox: /usr/bin/firefox-esr is version 153.8.0esr, but this pass tests the oldest version the manifest claims, 140. Point FIREFOX_BIN (in npm test: FIREFOX_OLDEST_BIN) at a firefox 140, as .ci/run does.',
    );
  });

  it('Chromium: no minimum (the manifest declares none), so any version passes', () => {
    expect(MIN_BROWSER_MAJOR.chromium).toBeUndefined();
    expect(browserVersionProblem('chromium', '/usr/bin/chromium', 'Chromium 90.0.4430.212')).toBeUndefined();
    expect(browserVersionProblem('chromium', '/usr/bin/chromium', 'Chromium 90.0.4430.212', { minimum: 120 })).toMatch(
      /^chromium: \/usr\/bin\/chromium is version 90\.0\.4430\.212, older than 120, .* Update it \(apt-get update && apt-get install chromium\) or point CHROMIUM_BIN at chromium 120 or newer\.$/,
    );
  });
});
