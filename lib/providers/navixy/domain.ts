import { parse } from 'tldts';

/**
 * Whether the API host that receives the operator's password is on the panel's own domain: both hosts share one
 * registrable domain, read with the Public Suffix List including its private section (so `panel.example.co.uk`
 * and `api.example.co.uk` share `example.co.uk`, while `a.github.io` and `b.github.io` are two sites). An IP
 * address, `localhost` or any host without a registrable domain (a public suffix itself) is compared whole.
 * Ports are ignored. It only decides whether the sign-in form warns, never whether anything is sent.
 *
 * Options page only, and loaded there when the sign-in form is shown (`import('../domain')`): the list it carries
 * is about 50 KB gzip, which neither the popup nor the rest of the options page loads.
 */
export function apiOnPanelDomain(panelHost: string, apiHost: string): boolean {
  const panel = siteOf(panelHost);
  const api = siteOf(apiHost);
  return panel !== null && panel === api;
}

/** The registrable domain of a host (`host` or `host:port`), else the whole host name; null when it is not a host. */
function siteOf(host: string): string | null {
  // Only a host name with an optional port: anything else would let the URL parser read another host out of it.
  if (!host || /[/\\@?#\s]/.test(host)) return null;
  let hostname: string;
  try {
    // The URL parser lower-cases, turns an internationalised name into its ASCII form and drops the port.
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
  if (!hostname || hostname.startsWith('[')) return hostname || null;
  const parsed = parse(hostname, { allowPrivateDomains: true });
  return parsed.isIp || !parsed.domain ? hostname : parsed.domain;
}
