import { cleanBidi } from '../lib/i18n/bidi';

interface Props {
  text: string;
  class?: string;
}

/**
 * Any text a portal or panel sends, in markup: a <bdi> (its direction from its own first strong character,
 * isolated from the sentence around it) with the bidi controls dropped, breaking anywhere when it is one
 * long unbroken string (theme.css `.portal-text`). Never a row wider than its container.
 */
export function PortalText({ text, class: extra }: Props) {
  return <bdi dir="auto" class={extra ? `portal-text ${extra}` : 'portal-text'}>{cleanBidi(text)}</bdi>;
}
