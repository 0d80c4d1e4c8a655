import type { ComponentChildren } from 'preact';
import type { NavEntry } from '../lib/provider';
import { breadcrumb } from '../lib/nav';
import { common } from '../lib/i18n/common';
import { shell } from '../lib/i18n/shell';
import { PROJECT } from '../lib/project';
import { IconSuccess, IconWarning } from './icons';

export type { NavEntry };

/** A navigation link: in-page (history) when the entry says so, else an ordinary link. */
function EntryLink({ entry }: { entry: NavEntry }) {
  const tone = entry.stateTone;
  return (
    <a
      href={entry.href}
      aria-current={entry.current ? 'page' : undefined}
      onClick={
        entry.onSelect
          ? (e) => {
              e.preventDefault();
              entry.onSelect?.();
            }
          : undefined
      }
    >
      <span class="nav-label">{entry.label}</span>
      {entry.state ? (
        <span class={tone ? `nav-state ${tone}` : 'nav-state'}>
          <span class="visually-hidden">, </span>
          {tone === 'ok' ? <IconSuccess aria-hidden="true" size={14} /> : tone === 'warn' ? <IconWarning aria-hidden="true" size={14} /> : null}
          {entry.state}
        </span>
      ) : null}
    </a>
  );
}

/** Footer links: the privacy page always; the source and the issue tracker when package.json names them. */
export function PageFooter({ project = PROJECT }: { project?: { version: string; source: string | null; issues: string | null } }) {
  const external = (href: string, label: string) => (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {label}
      <span class="visually-hidden"> {shell.opensInNewTab}</span>
    </a>
  );
  return (
    <footer class="page-footer no-print">
      <span class="muted">
        {common.appName} · {shell.version(project.version)}
      </span>
      <a href="/privacy.html">{common.privacyPolicy}</a>
      {project.issues ? external(project.issues, shell.reportProblem) : null}
      {project.source ? external(project.source, shell.source) : null}
    </footer>
  );
}

interface Props {
  /** The whole navigation (lib/nav.ts joinNav): top-level entries, the selected one's sections or sites under it. */
  nav: readonly NavEntry[];
  children: ComponentChildren;
}

/**
 * Every options page's frame, the same for every provider: the product mark and name with the breadcrumb of where
 * you are (Portals › host › section), a stable two-level navigation (a sidebar on wide windows, a list above the
 * view on narrow ones) with the current page marked for sight and for screen readers (aria-current="page"), the
 * view, and the footer.
 */
export function OptionsShell({ nav, children }: Props) {
  const trail = breadcrumb(nav);
  return (
    <main class="options-shell">
      <header class="page-header">
        <h1 class="brand">
          <img src="/icon/48.png" alt="" width={24} height={24} />
          <span class="brand-name">{common.appName}</span>
        </h1>
        {trail.length ? (
          <nav class="breadcrumb" aria-label={shell.breadcrumbLabel}>
            <ol>
              {trail.map((entry, i) => (
                <li key={entry.key}>
                  {i === trail.length - 1 ? <span aria-current="page">{entry.label}</span> : <EntryLink entry={{ key: entry.key, label: entry.label, href: entry.href, ...(entry.onSelect ? { onSelect: entry.onSelect } : {}) }} />}
                </li>
              ))}
            </ol>
          </nav>
        ) : null}
      </header>
      <nav class="views no-print" aria-label={common.viewsLabel}>
        <ul>
          {nav.map((entry) => (
            <li key={entry.key}>
              <EntryLink entry={entry} />
              {entry.children?.length ? (
                <ul class="nav-sub">
                  {entry.children.map((child) => (
                    <li key={child.key}>
                      <EntryLink entry={child} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </nav>
      <div class="view-body">{children}</div>
      <PageFooter />
    </main>
  );
}
