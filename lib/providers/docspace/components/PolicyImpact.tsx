import type { AddressImpact, Impact } from '../tfa/coverage-impact';
import { policyImpact as t } from '../i18n/policy-impact';

interface Props {
  impact: Impact;
  address: AddressImpact;
  now: number;
  /** The coverage view (to count, or count again), opened in a new tab so the draft under review stays. */
  coverageHref?: string;
}

/**
 * Issue 26, §3: in the review of an app or SMS save, who the save stops at the next sign-in, from the last count
 * (the sign-out of everyone is said once, in the consequences above).
 */
export function PolicyImpact({ impact, address, now, coverageHref }: Props) {
  if (impact.kind === 'none') return null;
  const lines: string[] = [];
  if (impact.kind === 'unknown') {
    lines.push(impact.offNow ? t.offUnknown : t.unknown);
  } else {
    if (impact.offNow) lines.push(t.offCount(impact.countedAt));
    lines.push(t.without(impact.mode, impact.without, impact.trusted));
    if (impact.without > 0) lines.push(t.mandatory(impact.mandatoryWithout));
    if (impact.meCovered !== null) lines.push(t.me(impact.mode, impact.meCovered));
    if (impact.ownerCovered !== null) lines.push(t.owner(impact.mode, impact.ownerCovered));
    if (!impact.offNow) lines.push(t.counted(now - impact.countedAt));
    if (impact.partial) lines.push(t.partial);
  }
  if (address !== 'noTrusted') lines.push(t.address(address));
  return (
    <section class="policy-impact" aria-label={t.heading}>
      <h4>{t.heading}</h4>
      <ul class="impact">
        {lines.map((line) => <li key={line}>{line}</li>)}
      </ul>
      {coverageHref ? <a href={coverageHref} target="_blank" rel="noopener">{t.openCoverage}</a> : null}
    </section>
  );
}
