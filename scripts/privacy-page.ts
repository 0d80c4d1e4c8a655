// PRIVACY.md as the extension's own page (privacy.html, linked from every options page), made at build time
// (wxt.config.ts) so the two never differ, in the options pages' frame (header with the breadcrumb, footer). A small
// converter for what the policy uses: headings, paragraphs, lists, one table, `code`; everything else is escaped text.

import { projectFacts } from '../lib/project-facts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const inline = (s: string) => escape(s).replace(/`([^`]+)`/g, '<code>$1</code>');
const cells = (row: string) => row.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());

/** What the page's frame shows (the options pages' header and footer pattern): the product name, version and links. */
export interface PageFrame {
  appName: string;
  version: string;
  source: string | null;
  issues: string | null;
}

/** The short product name (common.appName) from locales/en.yml: the page is English, as PRIVACY.md is. */
export function appNameFrom(enYml: string): string {
  return /^common:\n(?:[ \t].*\n)*?[ \t]+appName: *(.+)$/m.exec(enYml)?.[1]?.trim().replace(/^'(.*)'$/, '$1') ?? 'Privacy policy';
}

/**
 * The page as the build writes it (wxt.config.ts): the frame from locales/en.yml (the product name) and package.json
 * (version, links), so a test can compare the built file with what the sources make now.
 */
export function privacyPageFromSources(read: (file: string) => string): string {
  const frame = { appName: appNameFrom(read('locales/en.yml')), ...projectFacts(JSON.parse(read('package.json')) as { version: string }) };
  return privacyHtml(read('PRIVACY.md'), frame);
}

const DEFAULT_FRAME: PageFrame = { appName: '2FA Companion', version: '', source: null, issues: null };

/** The header (mark and name linking to the options page, breadcrumb) and the footer, as on the options pages. */
function frame(f: PageFrame, title: string): { header: string; footer: string } {
  const external = (href: string, label: string) => `<a href="${escape(href)}" target="_blank" rel="noopener noreferrer">${escape(label)}<span class="visually-hidden"> (opens in a new tab)</span></a>`;
  const header =
    `<header class="page-header"><a class="brand" href="/options.html"><span class="mark" aria-hidden="true"></span><span class="brand-name">${escape(f.appName)}</span></a>` +
    `<nav class="breadcrumb" aria-label="You are here"><ol><li><a href="/options.html?view=portals">Portals</a></li><li><span aria-current="page">${escape(title)}</span></li></ol></nav></header>`;
  const links = [f.issues ? external(f.issues, 'Report a problem') : '', f.source ? external(f.source, 'Source') : ''].filter(Boolean).join('');
  const footer = `<footer class="page-footer"><span class="muted">${escape(f.appName)}${f.version ? ` · Version ${escape(f.version)}` : ''}</span>${links}</footer>`;
  return { header, footer };
}

export function privacyHtml(markdown: string, pageFrame: PageFrame = DEFAULT_FRAME): string {
  const out: string[] = [];
  const blocks = markdown.replace(/\r\n/g, '\n').trim().split(/\n{2,}/);
  for (const block of blocks) {
    const lines = block.split('\n');
    const heading = /^(#{1,3}) (.*)$/.exec(block);
    if (heading && lines.length === 1) {
      const level = heading[1]!.length;
      out.push(`<h${level}>${inline(heading[2]!)}</h${level}>`);
    } else if (lines.every((l) => l.startsWith('- '))) {
      out.push(`<ul>${lines.map((l) => `<li>${inline(l.slice(2))}</li>`).join('')}</ul>`);
    } else if (lines.length >= 2 && lines.every((l) => l.trim().startsWith('|')) && /^\|[\s|:-]+\|$/.test(lines[1]!.trim())) {
      const [head, , ...rows] = lines;
      out.push(
        `<table><thead><tr>${cells(head!).map((c) => `<th scope="col">${inline(c)}</th>`).join('')}</tr></thead>` +
          `<tbody>${rows.map((r) => `<tr>${cells(r).map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`,
      );
    } else {
      out.push(`<p>${inline(lines.join(' '))}</p>`);
    }
  }
  const title = /^# (.*)$/m.exec(markdown)?.[1] ?? 'Privacy policy';
  const { header, footer } = frame(pageFrame, title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<link rel="stylesheet" href="/privacy.css">
</head>
<body>
${header}
<main>
${out.join('\n')}
</main>
${footer}
</body>
</html>
`;
}
