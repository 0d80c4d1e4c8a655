import { optionsUrl } from '../options-url';

/** The options page's coverage view for a portal (issue 26): `?view=coverage&origin=<origin>`. */
export const coverageQuery = (origin: string): string => optionsUrl('coverage', origin);

/** The same view as a link from an options page (opened in a new tab, so the page's own state stays). */
export const coverageHref = (origin: string) => `options.html${coverageQuery(origin)}`;
