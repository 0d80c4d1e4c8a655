// Route table for /api/2.0 (paths are case-insensitive, a trailing slash is tolerated).
import { authRoutes } from './api-auth';
import { peopleRoutes } from './api-people';
import { tfaRoutes } from './api-tfa';
import { authenticate, type Ctx } from './context';
import { scopeAllows } from './scopes';
import { EmptyStatus } from './wire';

export type RouteHandler = (ctx: Ctx, ...params: string[]) => unknown;

export interface Route {
  method: string;
  re: RegExp;
  run: RouteHandler;
}

/**
 * A key without the scope the route's policy asks for gets a bare 403 before the action (§11.3). The policy is
 * computed from the route's template (`api/{version}/people/{id}`), as the server does, not from the path as typed.
 */
function withScopes(run: RouteHandler, template: string): RouteHandler {
  return (ctx, ...params) => {
    const scopes = authenticate(ctx)?.scopes;
    if (scopes && !scopeAllows(scopes, ctx.method, template)) {
      throw new EmptyStatus(403);
    }
    return run(ctx, ...params);
  };
}

/** `unscoped`: AllowAnonymous routes and routes with their own [Authorize] (the confirm scheme) get no scope policy. */
const r = (method: string, path: string, run: RouteHandler, unscoped = false): Route => ({
  method,
  re: new RegExp(`^/api/2\\.0/${path}/?$`, 'i'),
  run: unscoped ? run : withScopes(run, `api/{version}/${path.replace(/\([^)]*\)/g, '{id}')}`),
});
const open = true;

export const API_ROUTES: Route[] = [
  r('GET', 'settings/tfaapp', tfaRoutes.getSettings),
  r('PUT', 'settings/tfaapp', tfaRoutes.putSettings),
  r('PUT', 'settings/tfaappwithlink', tfaRoutes.putSettingsWithLink),
  r('GET', 'settings/tfaapp/confirm', tfaRoutes.getConfirm),
  r('GET', 'settings/tfaapp/setup', tfaRoutes.getSetup, open),
  r('POST', 'settings/tfaapp/validate', tfaRoutes.postValidate, open),
  r('GET', 'settings/tfaappcodes', tfaRoutes.getCodes),
  r('PUT', 'settings/tfaappnewcodes', tfaRoutes.putNewCodes),
  r('PUT', 'settings/tfaappnewapp', tfaRoutes.putNewApp),
  r('GET', 'settings/security/loginSettings', tfaRoutes.getLoginSettings),
  r('GET', 'settings', authRoutes.getSettings, open),
  r('GET', 'settings/version/build', authRoutes.getBuild, open),
  r('GET', 'capabilities(?:\\.json)?', authRoutes.getCapabilities, open),
  r('GET', 'authentication', authRoutes.getAuthenticated, open),
  r('POST', 'authentication', authRoutes.postAuthenticate, open),
  r('POST', 'authentication/logout', authRoutes.postLogout, open),
  r('POST', 'authentication/confirm', authRoutes.postConfirm, open),
  r('POST', 'authentication/([^/]+)', authRoutes.postAuthenticateWithCode, open),
  r('GET', 'people/@self', peopleRoutes.getSelf),
  r('GET', 'people/filter', peopleRoutes.getFilter),
  r('GET', 'people/simple/filter', peopleRoutes.getSimpleFilter),
  r('GET', 'people/search', peopleRoutes.getSearch),
  r('GET', 'people/@search/([^/]+)', peopleRoutes.getAtSearch),
  r('GET', 'people/status/([^/]+)/search', peopleRoutes.getStatusSearch),
  r('GET', 'people/status/([^/]+)', peopleRoutes.getByStatus),
  // [Authorize(AuthenticationSchemes = "confirm", Roles = "LinkInvite,Authenticated")] (UserController.cs): no scope policy.
  r('GET', 'people/([^/]+)', peopleRoutes.getUser, open),
  r('GET', 'people', peopleRoutes.getPeople),
  r('GET', 'group', peopleRoutes.getGroups),
  r('GET', 'group/([^/]+)', peopleRoutes.getGroup),
];

export type RouteMatch = { route: Route; params: string[] } | { notAllowed: string[] } | null;

export function matchRoute(method: string, path: string): RouteMatch {
  const allowed: string[] = [];
  for (const route of API_ROUTES) {
    const m = route.re.exec(path);
    if (!m) {
      continue;
    }
    if (route.method === method) {
      return { route, params: m.slice(1).map((p) => decodeURIComponent(p ?? '')) };
    }
    allowed.push(route.method);
  }
  return allowed.length ? { notAllowed: [...new Set(allowed)] } : null;
}

/** Keeps a TFA code in `POST authentication/{code}` out of the request log. */
export function loggablePath(path: string): string {
  const m = /^(\/api\/2\.0\/authentication\/)([^/]+)\/?$/i.exec(path);
  if (m?.[2] && !['logout', 'confirm'].includes(m[2].toLowerCase())) {
    return `${m[1]}***`;
  }
  return path;
}
