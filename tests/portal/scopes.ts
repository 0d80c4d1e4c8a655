// API key scopes as the server checks them (common/ASC.Api.Core/Auth/AuthorizationExtension.cs, fact sheet §11.3).
// A route's policy is the global scopes (`*:read` or `*:write` for GET; `*:write` otherwise) plus the scopes of the
// first ScopesMap entry matching "METHOD route"; a key passes when it holds any of them. `settings/tfa*` matches no
// entry, so only the global scopes open it: a key scoped to `accounts.self:read` reads `people/@self` and then gets
// an empty-body 403 on every TFA call. Anonymous routes (AllowAnonymous) are not checked.

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
];

/** The scopes any one of which lets a key call `method path` (path as requested, e.g. `/api/2.0/settings/tfaapp`). */
export function scopesFor(method: string, path: string): string[] {
  const global = method === 'GET' ? ['*:read', '*:write'] : ['*:write'];
  const route = `${method} ${path.replace(/^\//, '')}`;
  const local = SCOPES_MAP.find(([re]) => re.test(route))?.[1] ?? [];
  return [...new Set([...global, ...local])];
}

/** Whether a key with `scopes` may call `method path`. */
export function scopeAllows(scopes: readonly string[], method: string, path: string): boolean {
  const needed = scopesFor(method, path);
  return scopes.some((s) => needed.includes(s));
}
