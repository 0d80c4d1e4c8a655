import type { ComponentChildren } from 'preact';
import { common } from '../lib/i18n/common';

export interface NavItem {
  key: string;
  label: string;
  /** The options page query (`?view=…`) of this view. */
  href: string;
  current: boolean;
  /** In-page navigation (history) instead of loading the page again; absent for another provider's page. */
  onSelect?: () => void;
}

/**
 * Every options page's frame: the extension's mark and the page title, then a navigation that never wraps (a
 * sidebar on wide windows, a row of tabs that scrolls sideways on narrow ones) with the current view marked for
 * sight (highlighted) and for screen readers (aria-current="page"), then the view.
 */
export function OptionsShell({ title, items, children }: { title: string; items: readonly NavItem[]; children: ComponentChildren }) {
  return (
    <main class="options-shell">
      <header class="page-header brand">
        <img src="/icon/48.png" alt="" width={24} height={24} />
        <h1>{title}</h1>
      </header>
      <nav class="views no-print" aria-label={common.viewsLabel}>
        <ul>
          {items.map((item) => (
            <li key={item.key}>
              <a
                href={item.href}
                aria-current={item.current ? 'page' : undefined}
                onClick={
                  item.onSelect
                    ? (e) => {
                        e.preventDefault();
                        item.onSelect?.();
                      }
                    : undefined
                }
              >
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="view-body">{children}</div>
      <footer class="page-footer no-print">
        <a href="/privacy.html">{common.privacyPolicy}</a>
      </footer>
    </main>
  );
}
