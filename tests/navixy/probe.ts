// Test helpers that talk to an emulated Navixy Admin Panel over real HTTP, as a client would (for the emulator's own tests).
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD, startNavixyPanel, type NavixyPanelOptions, type RunningNavixyPanel } from './server';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Answer {
  status: number;
  json: Json;
  headers: Headers;
}

/** POSTs `body` as JSON to `action`, with `Authorization: NVX <hash>` when a hash is given. */
export async function callPanel(p: RunningNavixyPanel, action: string, body: unknown = {}, hash?: string): Promise<Answer> {
  const res = await fetch(`${p.apiBase}/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(hash ? { Authorization: `NVX ${hash}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Json) : {}, headers: res.headers };
}

/** POSTs a raw body (any content type) to `action`. */
export async function postRaw(p: RunningNavixyPanel, action: string, body: string, contentType: string, hash?: string): Promise<Answer> {
  const res = await fetch(`${p.apiBase}/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, ...(hash ? { Authorization: `NVX ${hash}` } : {}) },
    body,
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Json) : {}, headers: res.headers };
}

/** `[HTTP status, code]` of an answer (`code` 0 for success). */
export const outcome = (r: { status: number; json: Json }) => [r.status, r.json.success ? 0 : r.json.status?.code];

export async function signInTo(p: RunningNavixyPanel, login: string = DEMO_LOGINS.admin): Promise<string> {
  const r = await callPanel(p, 'panel/account/auth', { login, password: DEMO_PASSWORD });
  if (!r.json.success) throw new Error(`sign-in failed: ${JSON.stringify(r.json)}`);
  return r.json.hash as string;
}

/** Runs `f` against a panel started with `opts`, closed after. */
export async function withPanel<T>(opts: NavixyPanelOptions, f: (p: RunningNavixyPanel) => Promise<T>): Promise<T> {
  const p = await startNavixyPanel(opts);
  try {
    return await f(p);
  } finally {
    await p.close();
  }
}

export const listOf = async (p: RunningNavixyPanel, body: Json, hash: string) => (await callPanel(p, 'panel/user/list', body, hash)).json as { list: Json[]; count: number };

/**
 * One emulated panel for a test file: started before its tests, reset before each, closed after.
 * `call`, `signIn` and `list` talk to it, or to the panel given last.
 */
export function sharedPanel(opts: NavixyPanelOptions = {}) {
  let current: RunningNavixyPanel | undefined;
  beforeAll(async () => {
    current = await startNavixyPanel(opts);
  });
  afterAll(async () => {
    await current?.close();
  });
  beforeEach(() => current!.reset());
  const panel = () => current!;
  return {
    panel,
    call: (action: string, body: unknown = {}, hash?: string, p: RunningNavixyPanel = panel()) => callPanel(p, action, body, hash),
    signIn: (login: string = DEMO_LOGINS.admin, p: RunningNavixyPanel = panel()) => signInTo(p, login),
    list: (body: Json, hash: string, p: RunningNavixyPanel = panel()) => listOf(p, body, hash),
  };
}
