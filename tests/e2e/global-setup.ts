// Refuses to start without the browsers and the test build: a missing browser is a failure, never a skip.
import { missingBrowsers, missingTestBuilds, selectedBrowsers } from './harness/config';

export default function setup(): void {
  const browsers = selectedBrowsers();
  const problems = [...missingBrowsers(browsers), ...missingTestBuilds(browsers)];
  if (problems.length) {
    throw new Error(`End-to-end tests cannot run:\n  - ${problems.join('\n  - ')}`);
  }
}
