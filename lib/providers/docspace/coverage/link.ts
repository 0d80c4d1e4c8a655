/**
 * The options page's coverage view for a portal (issue 26): `?view=coverage&origin=<origin>`, as agreed with the view
 * (options-url.ts names it 'coverage'). Built here so the popup and the Portals page link to it without the view.
 */
export function coverageQuery(origin: string): string {
  return `?${new URLSearchParams({ view: 'coverage', origin }).toString()}`;
}

/** The same view as a link from an options page (opened in a new tab, so the page's own state stays). */
export const coverageHref = (origin: string) => `options.html${coverageQuery(origin)}`;
