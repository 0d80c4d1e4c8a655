import type { CoverageReport, CoverageSummary } from '../coverage/types';
import { percentOf } from '../coverage/filters';
import { coverageText as t } from '../i18n/coverage';
import { formatList } from '../../../i18n/t';

/** "412 of 500 active people have an authenticator (82 %), 3 admins have none and 40 sign in through SSO". */
export function countsSentence(s: CoverageSummary): string {
  const sms = s.mode === 'sms';
  // A percentage only from whole counts the portal gave; none when there is no one to count.
  const covered = t.covered(s.covered, s.active, percentOf(s.covered, s.active), sms);
  return formatList([covered, t.adminsWithout(s.adminsWithout), t.sso(s.sso)]);
}

/** The figures of a summary: the headline, who will be asked to set one up, and what the count could not read. */
export function CoverageCounts({ summary, report }: { summary: CoverageSummary; report?: CoverageReport }) {
  const sms = summary.mode === 'sms';
  return (
    <div class="coverage-counts">
      <p class="coverage-headline">{countsSentence(summary)}</p>
      <p>
        {t.without(summary.without, sms)}
        {summary.mandatoryWithout > 0 ? ` ${t.mandatoryWithout(summary.mandatoryWithout)}` : ''}
      </p>
      {report && (report.missing > 0 || report.partial) ? (
        <div class="notice warn" role="alert">
          {report.partial ? <p>{t.partial}</p> : null}
          {report.missing > 0 ? <p>{t.missing(report.missing)}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
