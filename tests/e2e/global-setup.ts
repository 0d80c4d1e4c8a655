// Refuses to start without the browsers and the test build: a missing browser is a failure, never a skip, and so is
// one older than the harness supports (tests/e2e/harness/versions.ts).
import { BROWSER_BINARIES, isOldestFirefoxPass, missingBrowsers, missingTestBuilds, selectedBrowsers } from './harness/config';
import { outdatedBrowsers } from './harness/versions';

export default function setup(): void {
  const browsers = selectedBrowsers();
  const missing = missingBrowsers(browsers);
  // A browser older than the harness supports fails here, in one sentence, instead of as timeouts in every spec.
  const outdated = missing.length ? [] : outdatedBrowsers(browsers, BROWSER_BINARIES, { exact: isOldestFirefoxPass() });
  const problems = [...missing, ...outdated, ...missingTestBuilds(browsers)];
  if (problems.length) {
    throw new Error(`End-to-end tests cannot run:\n  - ${problems.join('\n  - ')}`);
  }
}
