// `npm run portal -- [--big] [--port 8092] [--version 3.5|3.6|3.7] [--latency ms] [--host 127.0.0.1] [--navixy-port 8093] [--navixy-api-port 8094]`
// Starts the emulated DocSpace portal and, beside it, the emulated Navixy Admin Panel (web page and API on their own ports).
import { parseArgs } from 'node:util';
import { type PortalVersion, startPortal } from './server';
import { DEMO_LOGINS, startNavixyPanel } from '../navixy/server';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    version: { type: 'string' },
    latency: { type: 'string' },
    host: { type: 'string' },
    sms: { type: 'boolean' },
    big: { type: 'boolean' },
    'navixy-port': { type: 'string' },
    'navixy-api-port': { type: 'string' },
  },
  strict: true,
});

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

const version = (values.version ?? '3.7') as PortalVersion;
if (version !== '3.5' && version !== '3.6' && version !== '3.7') {
  process.stderr.write(`--version must be 3.5, 3.6 or 3.7, got ${String(values.version)}\n`);
  process.exit(2);
}
const port = Number(values.port ?? process.env.PORT ?? 8092);
const latencyMs = Number(values.latency ?? 0);

const portal = await startPortal({ port, host: values.host ?? '127.0.0.1', version, latencyMs, smsAvailable: values.sms ?? false, big: values.big ?? false });

out(`Emulated ONLYOFFICE DocSpace ${version} portal listening on ${portal.origin}`);
out(`  web:  ${portal.origin}/   (sign in with any account below)`);
out(`  API:  ${portal.origin}/api/2.0/…   e.g. curl ${portal.origin}/api/2.0/settings`);
out();
out('Accounts (password, role, API key for "Authorization: Bearer <key>"):');
for (const u of portal.users.slice(0, 20)) {
  const note = u.terminated ? ' (disabled)' : '';
  out(`  ${u.email.padEnd(22)} ${u.password}  ${u.role.padEnd(9)} ${portal.apiKeyOf(u.email)}${note}`);
}
if (portal.users.length > 20) {
  out(`  … and ${portal.users.length - 20} more (the big portal: tests/portal/big.ts), all with the same password`);
}
out();
out('Sign in over HTTP:');
out(`  curl -i -H 'Content-Type: application/json' -d '{"userName":"admin@demo.test","password":"demo-password"}' ${portal.origin}/api/2.0/authentication`);
out(values.big ? 'TFA policy is on (app), naming 5,000 mandatory users, 255 groups and malformed trusted IPs.' : 'TFA policy is off; enable it as an admin with PUT /api/2.0/settings/tfaappwithlink {"type":"app"}.');
out();
const navixy = await startNavixyPanel({
  host: values.host ?? '127.0.0.1',
  port: Number(values['navixy-port'] ?? 8093),
  apiPort: Number(values['navixy-api-port'] ?? 8094),
});
out(`Emulated Navixy Admin Panel: ${navixy.panelOrigin}/   API base URL: ${navixy.apiBase}`);
out(`  ${navixy.users().length} users; MFA allowed for ${navixy.users().filter((u) => u.mfa_allowed).length}; default MFA setting (for users with no setting of their own): disallowed.`);
out('  In the extension: open the panel address above in a tab and add it from the popup (the options navigation shows Navixy panels only once one exists),');
out('  with the API base URL above, then sign in as:');
for (const o of navixy.operators) out(`  ${o.login.padEnd(22)} ${o.password}  (${o.note})`);
out(`  curl -H 'Content-Type: application/json' -d '{"login":"${DEMO_LOGINS.admin}","password":"demo-password"}' ${navixy.apiBase}/panel/account/auth`);
out();
out('Press Ctrl+C to stop.');

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) {
    return;
  }
  stopping = true;
  out(`\n${signal}: stopping…`);
  Promise.all([portal.close(), navixy.close()]).then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
