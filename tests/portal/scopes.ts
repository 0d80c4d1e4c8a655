// API key scopes as the server checks them (common/ASC.Api.Core/Auth/AuthorizationExtension.cs, fact sheet §11.3).
// WithRequirementAuthorization gives an endpoint a scope policy only when it has neither [AllowAnonymous] nor an
// [Authorize] of its own (the confirm-scheme routes: tfaapp/setup, tfaapp/validate, people/{userid}); the policy
// is the global scopes (`*:read` or `*:write` for GET; `*:write` otherwise) plus the scopes of the first ScopesMap
// entry matching "METHOD <route template>" (e.g. "GET api/{version:apiVersion}/people/filter"), and a key passes
// when it holds any of them. `settings/tfa*` matches no entry, so only the global scopes open it: a key scoped to
// `accounts.self:read` reads `people/@self` and then gets an empty-body 403 on every TFA call.

const SCOPES_MAP: [RegExp, string[]][] = [
  [/^GET api\/[^/]+\/files\/rooms/, ['rooms:read', 'rooms:write']],
  [/^(POST|PUT|DELETE|UPDATE) api\/[^/]+\/files\/rooms/, ['rooms:write']],
  [/^GET api\/[^/]+\/files/, ['files:read', 'files:write']],
  [/^(POST|PUT|DELETE|UPDATE) api\/[^/]+\/files/, ['files:write']],
  [/^GET api\/[^/]+\/people\/@self/, ['accounts.self:read', 'accounts.self:write']],
  [/^(POST|PUT|DELETE|UPDATE) api\/[^/]+\/people\/@self/, ['accounts.self:write']],
  [/^GET api\/[^/]+\/people/, ['accounts:read', 'accounts:write']],
  [/^(POST|PUT|DELETE|UPDATE) api\/[^/]+\/people/, ['accounts:write']],
  [/^GET api\/[^/]+\/group/, ['accounts:read']],
  [/^(POST|PUT|DELETE|UPDATE) api\/[^/]+\/group/, ['accounts:write']],
  // `*`: no policy at all. The emulator serves no `keys` route; listed so that the table is the server's.
  [/^GET api\/[^/]+\/keys\/@self?/, ['*']],
];

/**
 * The scopes any one of which lets a key call the route `template` (`api/{version}/…`, as declared, whatever
 * case the request used); null when the route has no scope policy.
 */
export function scopesFor(method: string, template: string): string[] | null {
  const global = method === 'GET' ? ['*:read', '*:write'] : ['*:write'];
  const route = `${method} ${template.replace(/^\//, '')}`;
  const local = SCOPES_MAP.find(([re]) => re.test(route))?.[1] ?? [];
  if (local.length === 1 && local[0] === '*') {
    return null;
  }
  return [...new Set([...global, ...local])];
}

/** Whether a key with `scopes` may call the route `template`. */
export function scopeAllows(scopes: readonly string[], method: string, template: string): boolean {
  const needed = scopesFor(method, template);
  return needed === null || scopes.some((s) => needed.includes(s));
}
