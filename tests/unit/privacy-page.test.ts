import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appNameFrom, privacyHtml } from '../../scripts/privacy-page';

const root = path.resolve(import.meta.dirname, '../..');
const policy = readFileSync(path.join(root, 'PRIVACY.md'), 'utf8');

describe('the privacy page made from PRIVACY.md', () => {
  const html = privacyHtml(policy);

  it('carries every heading and the storage table of the policy', () => {
    for (const [, hashes, text] of policy.matchAll(/^(#{1,3}) (.+)$/gm)) expect(html).toContain(`<h${hashes!.length}>${text!.replace(/&/g, '&amp;')}</h${hashes!.length}>`);
    expect(html).toContain('<th scope="col">Where</th>');
    expect(html).toContain('<td><code>storage.session</code>, in memory</td>');
    expect(html).toContain('<link rel="stylesheet" href="/privacy.css">');
  });

  it('is text only: markup in the policy is escaped, and the page has no script', () => {
    const page = privacyHtml('# T\n\nA <script>alert(1)</script> & <b>bold</b>\n\n- <img src=x onerror=alert(1)>');
    expect(page).not.toMatch(/<script|<img|<b>/);
    expect(page).toContain('A &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
  });

  it('says nothing is sent anywhere but the chosen portals and panels, and names no analytics', () => {
    expect(policy).toMatch(/Nothing is sent anywhere else: no analytics/);
  });
});

describe('the privacy page’s frame (issue 27: one header pattern on every page)', () => {
  const en = readFileSync(path.join(root, 'locales/en.yml'), 'utf8');
  it('has the mark and the product name linking to the options page, a breadcrumb, and the footer', () => {
    const page = privacyHtml(policy, { appName: appNameFrom(en), version: '1.2.3', source: 'https://example.org/src', issues: null });
    const name = /^common:\n(?:\s.*\n)*?\s+appName: (.+)$/m.exec(en)![1]!;
    expect(page).toContain(`<a class="brand" href="/options.html"><span class="mark" aria-hidden="true"></span><span class="brand-name">${name}</span></a>`);
    expect(page).toMatch(/<nav class="breadcrumb" aria-label="You are here"><ol><li><a href="\/options.html\?view=portals">Portals<\/a><\/li><li><span aria-current="page">Privacy policy<\/span><\/li><\/ol><\/nav>/);
    expect(page).toContain('· Version 1.2.3');
    expect(page).toContain('<a href="https://example.org/src" target="_blank" rel="noopener noreferrer">Source');
    expect(page).not.toContain('Report a problem');
  });
});
