/**
 * Text a portal or panel sends (names, e-mails, group names, titles, hosts, IP entries) may be in any script
 * and may carry bidi controls. Shown inside one of our sentences it must not reorder the words around it.
 *
 * - `cleanBidi` drops the explicit embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069):
 *   a stray PDI could otherwise close our isolate early, an RLO reverse what follows. Marks (LRM, RLM, ALM)
 *   stay: they only affect the neighbouring characters inside the isolate.
 * - `isolate` puts the cleaned text between FSI and PDI, for portal text interpolated into a sentence
 *   (a plain string, where no <bdi> element can go). FSI picks the direction from the text itself.
 * - In markup, `PortalText` (components/PortalText.tsx) renders a <bdi> with the cleaned text instead.
 */
const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const FSI = '\u2068';
const PDI = '\u2069';

export function cleanBidi(text: string): string {
  return text.replace(CONTROLS, '');
}

export function isolate(text: string): string {
  return `${FSI}${cleanBidi(text)}${PDI}`;
}

/** Text with our own isolates removed: what a reader sees, for comparisons in tests and logs. */
export function withoutIsolates(text: string): string {
  return text.replace(/[\u2068\u2069]/g, '');
}
