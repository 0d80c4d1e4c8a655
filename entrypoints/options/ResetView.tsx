import type { ViewProps } from './views';

/** Placeholder until its issue lands. */
export function ResetView(_props: ViewProps) {
  return <section aria-labelledby="view-title"><h2 id="view-title">Coming soon</h2></section>;
}
