// `npm run portal -- [--port 8092] [--version 3.6|3.7] [--latency ms] [--host 127.0.0.1]`
import { parseArgs } from 'node:util';
import { type PortalVersion, startPortal } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    version: { type: 'string' },
    latency: { type: 'string' },
    host: { type: 'string' },
    sms: { type: 'boolean' },
  },
  strict: true,
});

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

const version = (values.version ?? '3.7') as PortalVersion;
if (version !== '3.6' && version !== '3.7') {
  process.stderr.write(`--version must be 3.6 or 3.7, got ${String(values.version)}\n`);
  process.exit(2);
}
const port = Number(values.port ?? process.env.PORT ?? 8092);
const latencyMs = Number(values.latency ?? 0);

const portal = await startPortal({ port, host: values.host ?? '127.0.0.1', version, latencyMs, smsAvailable: values.sms ?? false });

out(`Emulated ONLYOFFICE DocSpace ${version} portal listening on ${portal.origin}`);
out(`  web:  ${portal.origin}/   (sign in with any account below)`);
out(`  API:  ${portal.origin}/api/2.0/…   e.g. curl ${portal.origin}/api/2.0/settings`);
out();
out('Accounts (password, role, API key for "Authorization: Bearer <key>"):');
for (const u of portal.users) {
  const note = u.terminated ? ' (disabled)' : '';
  out(`  ${u.email.padEnd(22)} ${u.password}  ${u.role.padEnd(9)} ${portal.apiKeyOf(u.email)}${note}`);
}
out();
out('Sign in over HTTP:');
out(`  curl -i -H 'Content-Type: application/json' -d '{"userName":"admin@demo.test","password":"demo-password"}' ${portal.origin}/api/2.0/authentication`);
out('TFA policy is off; enable it as an admin with PUT /api/2.0/settings/tfaappwithlink {"type":"app"}.');
out('Press Ctrl+C to stop.');

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) {
    return;
  }
  stopping = true;
  out(`\n${signal}: stopping…`);
  portal.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
