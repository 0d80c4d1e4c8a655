// PRIVACY.md as the extension's own page (privacy.html, linked from every options page), made at build time
// (wxt.config.ts) so the two never differ. A small converter for what the policy uses: headings, paragraphs,
// lists, one table, `code`; everything else is escaped text.

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const inline = (s: string) => escape(s).replace(/`([^`]+)`/g, '<code>$1</code>');
const cells = (row: string) => row.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());

export function privacyHtml(markdown: string): string {
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
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<link rel="stylesheet" href="/privacy.css">
</head>
<body>
<main>
${out.join('\n')}
</main>
</body>
</html>
`;
}
