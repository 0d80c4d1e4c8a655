/**
 * Text a portal or panel sends (names, e-mails, group names, titles, hosts, IP entries) may be in any script
 * and may carry bidi controls. Shown inside one of our sentences it must not reorder the words around it.
 *
 * - `cleanBidi` drops the explicit embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069):
 *   a stray PDI could otherwise close an isolate early, an RLO reverse what follows. Marks (LRM, RLM, ALM)
 *   stay: they only affect the neighbouring characters inside the isolate.
 * - `isolate` is for portal text interpolated into a sentence (a plain string, where no <bdi> can go): the
 *   cleaned text, between FSI and PDI when it holds any right-to-left character (FSI takes the direction from
 *   the text itself). Text without one, once cleaned, cannot reorder a left-to-right sentence (every UI
 *   language we ship is left-to-right), so it is left as it is, as readers and tests see it. A right-to-left
 *   UI translation would isolate every value: `isolateAlways`.
 * - In markup, `PortalText` (components/PortalText.tsx) renders a <bdi> with the cleaned text instead.
 */
const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** Strong right-to-left characters (Hebrew, Arabic, Syriac, Thaana, NKo… and their presentation forms), and RLM. */
const RTL = /[\u0590-\u08FF\u200F\uFB1D-\uFDFF\uFE70-\uFEFE\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
const FSI = '\u2068';
const PDI = '\u2069';

export function cleanBidi(text: string): string {
  return text.replace(CONTROLS, '');
}

export function hasRtl(text: string): boolean {
  return RTL.test(text);
}

export function isolateAlways(text: string): string {
  return `${FSI}${cleanBidi(text)}${PDI}`;
}

export function isolate(text: string): string {
  const clean = cleanBidi(text);
  return hasRtl(clean) ? `${FSI}${clean}${PDI}` : clean;
}

/** Text with our own isolates removed: what a reader sees, for comparisons in tests and logs. */
export function withoutIsolates(text: string): string {
  return text.replace(/[\u2068\u2069]/g, '');
}
