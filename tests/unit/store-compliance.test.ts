import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

/**
 * The store's compliance texts (store/compliance.md): a justification for exactly the permissions the manifests ask
 * for, so a new permission fails here until it is justified, and the same key facts as the privacy policy.
 */
const root = path.resolve(import.meta.dirname, '../..');
const compliance = readFileSync(path.join(root, 'store/compliance.md'), 'utf8');
const privacy = readFileSync(path.join(root, 'PRIVACY.md'), 'utf8');

/** The text of one `## ` section of compliance.md. */
function section(heading: string): string {
  const start = compliance.indexOf(`\n## ${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const rest = compliance.slice(start + heading.length + 5);
  const end = rest.indexOf('\n## ');
  return end === -1 ? rest : rest.slice(0, end);
}

/** The permissions a section justifies: the list items that start with a backticked name and a colon. */
const justified = (text: string) => [...text.matchAll(/^- `([^`]+)`: \S/gm)].map((m) => m[1]!);

interface Manifest { permissions?: string[]; optional_permissions?: string[]; host_permissions?: string[]; optional_host_permissions?: string[] }
type ManifestFn = (env: { browser: string; manifestVersion: 3; mode: string; command: 'build' }) => Manifest;

/** What wxt.config.ts puts in the release manifest of each browser. */
function releaseManifest(browser: 'chrome' | 'firefox'): Manifest {
  expect(process.env.TFA_TEST_BUILD).toBeUndefined();
  return (config.manifest as ManifestFn)({ browser, manifestVersion: 3, mode: 'production', command: 'build' });
}

const asked = (m: Manifest) => [...(m.permissions ?? []), ...(m.optional_permissions ?? []), ...(m.host_permissions ?? [])].sort();

describe('store/compliance.md', () => {
  const permissions = section('Permissions');
  const [required, optional] = permissions.split('Optional host permissions');

  it.each(['chrome', 'firefox'] as const)('justifies exactly the %s release manifest’s permissions and optional host permissions', (browser) => {
    const manifest = releaseManifest(browser);
    expect(justified(required!).sort()).toEqual(asked(manifest));
    expect(justified(optional ?? '').sort()).toEqual([...(manifest.optional_host_permissions ?? [])].sort());
  });

  it('matches the built manifests too, when a release build is there (.output/*/manifest.json)', () => {
    for (const browser of ['chrome-mv3', 'firefox-mv3']) {
      const file = path.join(root, '.output', browser, 'manifest.json');
      if (!existsSync(file)) continue;
      const built = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
      expect(justified(required!).sort(), browser).toEqual(asked(built));
      expect(justified(optional ?? '').sort(), browser).toEqual([...(built.optional_host_permissions ?? [])].sort());
    }
  });

  it('has a single-purpose statement that says what the extension is not', () => {
    const purpose = section('Single purpose');
    expect(purpose).toMatch(/two-factor authentication \(2FA\) on the ONLYOFFICE DocSpace portals/);
    expect(purpose).toContain('does not generate codes');
    expect(purpose).toContain('not affiliated with or endorsed by Ascensio System SIA (ONLYOFFICE)');
  });

  it('answers the data-use questions: every data type of the dashboard, and the three certifications', () => {
    const data = section('Data use (Chrome Web Store: Privacy practices)');
    for (const type of ['Personally identifiable information', 'Health information', 'Financial and payment information', 'Authentication information',
      'Personal communications', 'Location', 'Web history', 'User activity', 'Website content']) expect(data).toMatch(new RegExp(`^\\| ${type} \\| (Yes|No) \\|`, 'm'));
    expect(data.match(/^- I do not /gm)).toHaveLength(3);
    expect(data).toContain('never to the developer');
  });

  it('says the key facts word for word as PRIVACY.md: no analytics, no remote code, secrets never stored, no sync, access per site', () => {
    const facts = [...section('Data use (Chrome Web Store: Privacy practices)').split('Key facts, as `PRIVACY.md` says them:')[1]!.matchAll(/^- (.+)$/gm)].map((m) => m[1]!);
    expect(facts.length).toBeGreaterThanOrEqual(5);
    for (const fact of facts) expect(privacy, fact).toContain(fact);
    expect(facts.join(' ')).toMatch(/no analytics.*no remote code/);
    expect(permissions).toContain('it never asks for access to all sites');
    expect(privacy).toContain('it never asks for access to all sites');
    expect(privacy).toContain('not affiliated with or endorsed by Ascensio System SIA (ONLYOFFICE)');
  });

  it('agrees with the Firefox manifest that no data is collected', () => {
    const gecko = (releaseManifest('firefox') as { browser_specific_settings?: { gecko?: { data_collection_permissions?: unknown } } }).browser_specific_settings?.gecko;
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    expect(compliance).toContain('data_collection_permissions: { required: ["none"] }');
  });
});
