import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call } from '../call';
import { call as callCore } from '../../../client';
import type { AppError } from '../../../errors';
import type { SiteOverview, StatusTone } from '../../../protocol';
import type { KnownPortal } from '../protocol';
import { portals as t } from '../i18n/portals';
import { popup } from '../i18n/popup';
import { common } from '../../../i18n/common';
import { formatNumber } from '../../../i18n/t';
import { requestHostAccess } from '../../../ui';
import { grantedHostPatterns, onHostAccessChanged, removeHostAccess } from '../../../host-access-ui';
import { broadPatterns } from '../../../host-patterns';
import { access } from '../../../i18n/access';
import { ErrorNotice } from '../../../../components/ErrorNotice';
import { BroadAccessNotice } from '../../../../components/BroadAccessNotice';
import { PortalText } from '../../../../components/PortalText';
import { LOW_BACKUP_CODES } from '../tfa/low-codes';
import { coverageHref } from '../coverage/link';
import { factsOfOverview, iconFor, statusModel, type StatusIcon, type StatusModel } from '../status-model';
import { StatusBanner } from '../components/StatusBanner';
import { IconMore } from '../../../../components/icons';
import './portals.css';

type State = { status: 'loading' } | { status: 'ready'; rows: SiteOverview[]; known: KnownPortal[] } | { status: 'error'; error: AppError };

interface Props {
  current: string | null;
  providerNames: Readonly<Record<string, string>>;
  /** For tests; defaults to now. */
  now?: () => number;
}

/** Links the background built for the options page are queries on it; anything else is not followed. */
const optionsHref = (query: string) => (query.startsWith('?view=') ? `options.html${query}` : null);

/** A card's status line: a DocSpace portal's from the status model (the popup's words), another provider's own. */
function bannerOf(row: SiteOverview): { tone: StatusTone; icon: StatusIcon; title: string; model: StatusModel | null } {
  if (row.provider === 'docspace') {
    const model = statusModel(factsOfOverview(row));
    return { tone: model.tone, icon: model.icon, title: model.title, model };
  }
  if (row.headline) return { tone: row.headline.tone, icon: iconFor(row.headline.tone), title: row.headline.text, model: null };
  // Another provider's site not read: the same words as a portal's (signed out, no access…); read, it says its own.
  const model = statusModel({ state: row.state, method: null, applies: 'unknown', enrolment: { state: 'unknown' }, setupInProgress: false });
  return { tone: model.tone, icon: model.icon, title: row.state === 'ready' ? '' : model.title, model: null };
}

const ATTENTION: Record<StatusTone, number> = { error: 0, warn: 1, ok: 2, off: 3 };

/** Cards needing attention first, then DocSpace portals, then the others; otherwise as the background listed them. */
function ordered(rows: readonly SiteOverview[]): SiteOverview[] {
  const rank = (r: SiteOverview) => {
    const tone = bannerOf(r).tone;
    return (tone === 'error' || tone === 'warn' ? 0 : 2) + (r.provider === 'docspace' ? 0 : 1);
  };
  return rows.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || ATTENTION[bannerOf(a.r).tone] - ATTENTION[bannerOf(b.r).tone] || a.i - b.i).map((x) => x.r);
}

/**
 * Every portal and panel the extension knows, at a glance: a status line with an icon (the popup's words), the
 * policy, whether it applies to you, your authenticator and backup codes left, when each was checked; checked again
 * on demand (one site or all) without opening them. Buttons name the host only to screen readers; "Forget portal"
 * sits quietly in a "⋯" menu.
 */
export function PortalsView({ current, providerNames, now = Date.now }: Props) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [announcement, setAnnouncement] = useState('');
  const [checking, setChecking] = useState<readonly string[] | 'all' | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [broad, setBroad] = useState<string[]>([]);

  // Access to more than single sites, granted in the browser's settings (also while this page is open).
  useEffect(() => {
    const readBroad = async () => setBroad(broadPatterns(await grantedHostPatterns()));
    void readBroad();
    return onHostAccessChanged(() => void readBroad());
  }, []);

  const removeBroad = async () => {
    const removed = await removeHostAccess(broad);
    setAnnouncement(removed ? access.removed : access.notRemoved);
    setBroad(broadPatterns(await grantedHostPatterns()));
    // The background wipes what it can no longer reach (permissions.onRemoved); show the sites as they are now.
    await read(false);
  };

  const read = async (refresh: boolean, sites?: string[]): Promise<SiteOverview[] | null> => {
    const [rows, known] = await Promise.all([callCore<'overview'>({ type: 'overview', refresh, ...(sites ? { sites } : {}) }), call<'listPortals'>({ type: 'listPortals' })]);
    if (!rows.ok) {
      setState({ status: 'error', error: rows.error });
      return null;
    }
    setState({ status: 'ready', rows: rows.value, known: known.ok ? known.value : [] });
    return rows.value;
  };

  const check = async (sites?: string[]) => {
    setChecking(sites ?? 'all');
    setAnnouncement(t.checking);
    const rows = await read(true, sites);
    setChecking(null);
    setAnnouncement(rows ? t.checked : '');
  };

  useEffect(() => {
    void (async () => {
      // What was read in this browser session shows at once; portals and panels not read in it are read now (a
      // site that is only granted, never recognised, waits for "Check again").
      const rows = await read(false);
      const unread = rows?.filter((r) => r.access && r.recognised && r.state === 'notChecked').map((r) => r.site) ?? [];
      if (unread.length) await check(unread);
    })();
  }, []);

  const forget = async (origin: string, host: string) => {
    setConfirming(null);
    const r = await call<'forgetPortal'>({ type: 'forgetPortal', origin });
    if (!r.ok) return setState({ status: 'error', error: r.error });
    setAnnouncement(t.removed(host));
    await read(false);
  };

  const allow = async (row: SiteOverview) => {
    if (await requestHostAccess(row.accessOrigin)) await check([row.site]);
    else setAnnouncement(popup.permissionDenied);
  };

  const isChecking = (site: string) => checking === 'all' || (Array.isArray(checking) && checking.includes(site));
  return (
    <section aria-labelledby="portals-title" aria-busy={state.status === 'loading' || checking !== null}>
      <h2 id="portals-title">{t.heading}</h2>
      {current || (state.status === 'ready' && state.rows.length) ? <p>{t.intro}</p> : <p>{t.welcome}</p>}
      <BroadAccessNotice patterns={broad} onRemove={() => void removeBroad()} />
      <div class="overview-tools">
        <button type="button" onClick={() => void check()} disabled={checking !== null || state.status !== 'ready' || state.rows.length === 0}>
          {t.checkAll}
        </button>
        <p role="status">{announcement}</p>
      </div>
      {state.status === 'loading' ? <p>{common.loading}</p> : null}
      {state.status === 'error' ? <ErrorNotice error={state.error} onRetry={() => void read(false)} /> : null}
      {state.status === 'ready' && state.rows.length === 0 ? <p class="muted">{t.empty}</p> : null}
      {state.status === 'ready' && state.rows.length > 0 ? (
        <ul class="site-list">
          {ordered(state.rows).map((row, i) => {
            const known = row.provider === 'docspace' ? state.known.find((k) => k.origin === row.site) : undefined;
            const manage = optionsHref(row.manage);
            const makeNew = row.makeNewCodes ? optionsHref(row.makeNewCodes) : null;
            const titleId = `site-${i}`;
            const banner = bannerOf(row);
            return (
              <li key={`${row.provider} ${row.site}`} class="site-card" aria-labelledby={titleId} aria-busy={isChecking(row.site)}>
                <h3 id={titleId}>
                  <PortalText text={row.host} /> <span class="muted site-kind">{providerNames[row.provider] ?? row.provider}</span>
                </h3>
                {banner.title ? <StatusBanner tone={banner.tone} icon={banner.icon} title={banner.title} compact /> : null}
                <SiteFacts row={row} model={banner.model} known={known} now={now()} />
                {row.state === 'noAccess' ? (
                  <div class="notice warn">
                    <p>{t.noAccess}</p>
                    <button type="button" class="primary" aria-label={t.allowLabel(row.host)} onClick={() => void allow(row)}>{t.allow}</button>
                  </div>
                ) : null}
                {row.state === 'signedOut' ? <p class="notice warn">{t.signedOut}</p> : null}
                {row.state === 'error' && row.error ? <ErrorNotice error={row.error} onRetry={() => void check([row.site])} /> : null}
                {makeNew && row.unusedCodes !== null && row.unusedCodes <= LOW_BACKUP_CODES ? (
                  <div class="notice warn">
                    <p>{popup.lowCodes(row.unusedCodes)}</p>
                    <a class="button primary" href={makeNew}>{popup.makeNewCodes}</a>
                  </div>
                ) : null}
                <div class="site-actions">
                  {manage ? <a class="button" href={manage} aria-label={t.openLabel(row.host)}>{t.open}</a> : null}
                  {row.access ? (
                    <button type="button" aria-label={t.checkOneLabel(row.host)} onClick={() => void check([row.site])} disabled={checking !== null}>{t.checkOne}</button>
                  ) : null}
                  {(row.provider === 'docspace' || row.forget) && confirming !== row.site ? (
                    <details class="more-menu">
                      <summary aria-label={t.more(row.host)} title={t.more(row.host)}><IconMore size={18} aria-hidden="true" /></summary>
                      <div class="menu">
                        {row.forget ? <a class="button danger" href={optionsHref(row.forget.href) ?? undefined} aria-label={row.forget.ariaLabel}>{row.forget.label}</a> : (
                          <button type="button" class="danger" aria-label={t.forgetLabel(row.host)} onClick={() => setConfirming(row.site)}>{t.forget}</button>
                        )}
                      </div>
                    </details>
                  ) : null}
                </div>
                {confirming === row.site ? (
                  <div role="group" aria-label={t.forgetLabel(row.host)} class="notice warn">
                    <p>{t.confirmForget(row.host)}</p>
                    <div class="dialog-buttons">
                      <button type="button" class="quiet" onClick={() => setConfirming(null)}>{common.cancel}</button>
                      <button type="button" class="danger" aria-label={t.forgetLabel(row.host)} onClick={() => void forget(row.site, row.host)}>{t.forget}</button>
                    </div>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

/**
 * The site's two-factor facts as a description list; what the provider does not have is left out. A DocSpace
 * portal's come from the status model (the popup's words); another provider's own facts, in its words, replace the
 * shared ones when it gives them.
 */
function SiteFacts({ row, model, known, now }: { row: SiteOverview; model: StatusModel | null; known: KnownPortal | undefined; now: number }) {
  const unknown = <span class="muted">{t.unknown}</span>;
  const facts: [string, string, ComponentChildren, string?][] = [];
  const read = row.state === 'ready';
  const low = read && row.unusedCodes !== null && row.unusedCodes <= LOW_BACKUP_CODES;
  if (row.facts) {
    for (const f of row.facts) facts.push([f.field, f.label, read ? f.value : unknown, f.tone === 'warn' || f.tone === 'error' ? 'warn-text' : undefined]);
  } else {
    facts.push(['policy', t.label.policy, read && row.policy ? t.policy(row.policy) : unknown]);
  }
  if (row.provider === 'docspace' && model) {
    facts.push(['applies', t.label.applies, read && row.applies ? model.applies : unknown]);
    facts.push(['enrolment', t.label.enrolment, read && row.enrolment ? model.enrolment : unknown]);
    facts.push(['codes', t.label.codes, read && row.unusedCodes !== null ? formatNumber(row.unusedCodes) : unknown, low ? 'warn-text' : undefined]);
  }
  // Issue 26: the last coverage count kept on this device, with its time, linking to the coverage view; nothing when never counted.
  if (row.coverage) facts.push(['coverage', t.label.coverage(row.coverage.mode), <a href={coverageHref(row.site)}>{popup.coverageFigure(row.coverage, now - row.coverage.countedAt)}</a>]);
  if (row.usersWithMfa && !row.facts) facts.push(['users', t.label.users, t.usersCount(formatNumber(row.usersWithMfa.allowed), formatNumber(row.usersWithMfa.total))]);
  if (known) facts.push(['sign-in', t.label.signIn, known.auth === 'apiKey' ? t.apiKey(known.rememberedKey) : t.browserSignIn]);
  facts.push(['checked', t.label.checked, row.checkedAt === null ? t.notChecked : t.ago(now - row.checkedAt)]);
  return (
    <dl class="site-facts">
      {facts.map(([field, label, value, tone]) => (
        <div key={field} data-field={field}>
          <dt>{label}</dt>
          <dd class={tone}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
