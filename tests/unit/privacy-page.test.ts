import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { privacyHtml } from '../../scripts/privacy-page';

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
