import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import {
  AuthSchema, DefaultReadSchema, ErrorEnvelopeSchema, MfaSettingsSchema, PanelUserSchema, PermissionsReplySchema, PermissionsSchema,
  SuccessSchema, UpdateTargetSchema, UserListSchema,
} from '../../lib/providers/navixy/schemas';
import { createNavixyClient } from '../../lib/providers/navixy/client';
import { examplesOf, resolveRef, validate, type JsonSchema } from '../navixy/json-schema';
import { DEMO_LOGINS, DEMO_PASSWORD, startNavixyPanel, type RunningNavixyPanel } from '../navixy/server';

/**
 * The Navixy Admin Panel API as its official OpenAPI spec describes it (tests/fixtures/navixy-admin-panel-openapi.json,
 * a carved subset of Navixy/navixy-public-docs Admin_Panel.json v1.2.0; its x-source names what was kept):
 * (a) every response the spec describes for the seven actions the extension uses, built from the spec's
 *     examples (each alternative of a oneOf/anyOf/nullable/enum once), is accepted by our zod schemas and keeps
 *     what the extension reads;
 * (b) what the emulated panel (tests/navixy) answers, successes and errors, conforms to the spec's response
 *     schemas, with the HTTP statuses the spec names;
 * (c) what our client sends conforms to the spec's request schemas.
 */
type Op = {
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: JsonSchema }> }>;
};
const spec = JSON.parse(readFileSync(resolve(__dirname, '../fixtures/navixy-admin-panel-openapi.json'), 'utf8')) as {
  paths: Record<string, { post: Op }>;
  components: { schemas: Record<string, JsonSchema>; responses: Record<string, unknown> };
};

const ACTIONS = [
  'panel/account/auth', 'panel/account/logout', 'panel/account/get_permissions', 'panel/user/list',
  'panel/user/mfa/settings/update', 'panel/user/mfa/settings/default/read', 'panel/user/mfa/settings/default/update',
] as const;
type Action = (typeof ACTIONS)[number];

function op(action: Action): Op {
  const o = spec.paths[`/${action}`]?.post;
  if (!o) throw new Error(`POST /${action} missing from the spec subset`);
  return o;
}
/** The response schema the spec gives `action` for an HTTP status (else its `default`). */
function responseSchema(action: Action, status: number): JsonSchema {
  let r = op(action).responses[String(status)] ?? op(action).responses.default;
  if (!r) throw new Error(`${action}: no response for HTTP ${status}`);
  if (r.$ref) r = resolveRef(spec, r.$ref) as typeof r;
  const schema = r.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${action}: HTTP ${status} has no JSON schema`);
  return schema;
}
function requestSchema(action: Action): JsonSchema | undefined {
  return op(action).requestBody?.content['application/json']?.schema;
}
const component = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const examples = (schema: JsonSchema) => examplesOf(spec, schema);
const conforms = (schema: JsonSchema, value: unknown) => expect(validate(spec, schema, value)).toEqual([]);

describe('(a) our zod schemas accept what the spec describes', () => {
  const cases: [Action, z.ZodMiniType][] = [
    ['panel/account/auth', AuthSchema],
    ['panel/account/logout', SuccessSchema],
    ['panel/account/get_permissions', PermissionsReplySchema],
    ['panel/user/list', UserListSchema],
    ['panel/user/mfa/settings/update', SuccessSchema],
    ['panel/user/mfa/settings/default/read', DefaultReadSchema],
    ['panel/user/mfa/settings/default/update', SuccessSchema],
  ];

  it('the examples are themselves valid against the spec (the generator is sound)', () => {
    for (const [action] of cases) for (const e of examples(responseSchema(action, 200))) conforms(responseSchema(action, 200), e);
    for (const e of examples(responseSchema('panel/user/list', 400))) conforms(responseSchema('panel/user/list', 400), e);
  });

  it.each(cases)('POST %s: every 200 example parses', (action, schema) => {
    const all = examples(responseSchema(action, 200));
    expect(all.length).toBeGreaterThan(0);
    for (const e of all) expect(schema.safeParse(e).error?.issues ?? []).toEqual([]);
  });

  it.each(ACTIONS)('POST %s: every error example (400, 403, default) parses as the error envelope', (action) => {
    for (const status of Object.keys(op(action).responses).filter((s) => s !== '200')) {
      const schema = responseSchema(action, status === 'default' ? 500 : Number(status));
      for (const e of examples(schema)) expect(ErrorEnvelopeSchema.safeParse(e).error?.issues ?? []).toEqual([]);
    }
  });

  it('auth keeps the hash and the users permissions; get_permissions the same permissions', () => {
    const [auth] = examples(responseSchema('panel/account/auth', 200)) as { hash: string; permissions: { users: string[] } }[];
    const parsed = AuthSchema.parse(auth);
    expect(parsed.hash).toBe('fa7bf873fab9333144e171372a321b06');
    expect(parsed.permissions?.users).toEqual(auth!.permissions.users);
    expect(parsed.permissions?.users).toEqual(expect.arrayContaining(['read', 'update']));
    const [perms] = examples(responseSchema('panel/account/get_permissions', 200));
    expect(PermissionsReplySchema.parse(perms).permissions).toEqual(parsed.permissions);
  });

  it('a PanelPermissions without the users category parses and grants nothing', () => {
    const [full] = examples(component('PanelPermissions')) as Record<string, string[]>[];
    const { users: _users, ...withoutUsers } = full!;
    conforms(component('PanelPermissions'), withoutUsers);
    expect(PermissionsSchema.parse(withoutUsers).users).toBeUndefined();
  });

  it('the user list keeps id, login, names, activated and mfa_allowed of the spec\'s User', () => {
    const [list] = examples(responseSchema('panel/user/list', 200)) as { list: Record<string, unknown>[]; count: number }[];
    const parsed = UserListSchema.parse(list);
    const user = list!.list[0]!;
    expect(parsed.list[0]).toEqual({
      id: user.id, login: user.login, first_name: user.first_name, middle_name: user.middle_name, last_name: user.last_name,
      activated: user.activated, mfa_allowed: user.mfa_allowed,
    });
    expect(parsed.count).toBe(list!.count);
    for (const u of examples(component('User'))) expect(PanelUserSchema.safeParse(u).success).toBe(true);
  });

  it('default/read: allowed, disallowed and null (no default) all parse, null kept as null', () => {
    const values = examples(responseSchema('panel/user/mfa/settings/default/read', 200)).map((e) => DefaultReadSchema.parse(e).value);
    expect(values).toEqual([{ type: 'allowed', factor_types: ['email'] }, { type: 'disallowed' }, null]);
  });

  it('MfaSettings and MfaTarget: each variant parses with our schemas', () => {
    expect(examples(component('MfaSettings')).map((e) => MfaSettingsSchema.parse(e))).toEqual([{ type: 'allowed', factor_types: ['email'] }, { type: 'disallowed' }]);
    expect(examples(component('MfaTarget')).map((e) => UpdateTargetSchema.parse(e))).toEqual([{ type: 'all' }, { type: 'selected', ids: [371356] }]);
  });

  it('a factor type the spec does not list yet (a newer panel) parses and is kept', () => {
    expect(MfaSettingsSchema.parse({ type: 'allowed', factor_types: ['email', 'authenticator_app'] })).toEqual({ type: 'allowed', factor_types: ['email', 'authenticator_app'] });
    expect(DefaultReadSchema.parse({ success: true, value: { type: 'allowed', factor_types: ['authenticator_app'] } }).value).toEqual({ type: 'allowed', factor_types: ['authenticator_app'] });
  });

  it('what our schemas let the client send is within the spec\'s request schemas', () => {
    const target = resolveRef(spec, '#/components/schemas/MfaTarget');
    for (const t of [{ type: 'all' }, { type: 'selected', ids: [1] }, { type: 'selected', ids: Array.from({ length: 100 }, (_, i) => i + 1) }]) {
      conforms(target, UpdateTargetSchema.parse(t));
    }
    expect(UpdateTargetSchema.safeParse({ type: 'selected', ids: Array.from({ length: 101 }, (_, i) => i + 1) }).success).toBe(false);
    expect(validate(spec, target, { type: 'selected', ids: Array.from({ length: 101 }, (_, i) => i + 1) })).not.toEqual([]);
    for (const s of [{ type: 'allowed', factor_types: ['email'] }, { type: 'disallowed' }]) conforms(component('MfaSettings'), MfaSettingsSchema.parse(s));
  });
});

describe('(b) the emulated panel answers what the spec describes; (c) our client sends what it describes', () => {
  let panel: RunningNavixyPanel;
  beforeAll(async () => {
    panel = await startNavixyPanel();
  });
  afterAll(async () => {
    await panel.close();
  });
  beforeEach(() => panel.reset());

  async function call(action: string, body: unknown, hash?: string): Promise<{ status: number; json: Record<string, unknown> }> {
    const res = await fetch(`${panel.apiBase}/${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(hash ? { Authorization: `NVX ${hash}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }
  /** Calls `action` and checks the answer against the spec's schema for that HTTP status. */
  async function checked(action: Action, body: unknown, hash?: string) {
    const r = await call(action, body, hash);
    expect(validate(spec, responseSchema(action, r.status), r.json), `${action} → HTTP ${r.status} ${JSON.stringify(r.json).slice(0, 300)}`).toEqual([]);
    if (r.status === 200) expect(r.json.success).toBe(true);
    else expect(r.json).toMatchObject({ success: false, status: { code: expect.any(Number), description: expect.any(String) } });
    return r;
  }
  const signIn = async (login = DEMO_LOGINS.admin) => (await checked('panel/account/auth', { login, password: DEMO_PASSWORD })).json.hash as string;

  it('successful answers of all seven actions conform', async () => {
    const hash = await signIn();
    await checked('panel/account/get_permissions', {}, hash);
    const list = await checked('panel/user/list', { offset: 0, limit: 500 }, hash);
    expect((list.json.list as unknown[]).length).toBe(250);
    await checked('panel/user/list', { filter: 'anna', order_by: 'last_name', ascending: false, limit: 10, offset: 5 }, hash);
    await checked('panel/user/mfa/settings/update', { target: { type: 'selected', ids: [1, 2] }, settings: { type: 'allowed', factor_types: ['email'] } }, hash);
    await checked('panel/user/mfa/settings/update', { target: { type: 'all' }, settings: { type: 'disallowed' } }, hash);
    for (const value of [{ type: 'allowed', factor_types: ['email'] }, { type: 'disallowed' }]) {
      await checked('panel/user/mfa/settings/default/update', { settings: value }, hash);
      expect((await checked('panel/user/mfa/settings/default/read', {}, hash)).json).toEqual({ success: true, value });
    }
    panel.setDefault(null);
    expect((await checked('panel/user/mfa/settings/default/read', {}, hash)).json).toEqual({ success: true, value: null });
    await checked('panel/account/logout', {}, hash);
  });

  it('error answers conform and use the HTTP statuses the spec names (11 and 13 are 403)', async () => {
    const hash = await signIn();
    const viewer = await signIn(DEMO_LOGINS.viewer);
    const code = async (action: Action, body: unknown, h?: string) => {
      const r = await checked(action, body, h);
      return [r.status, (r.json.status as { code: number }).code];
    };
    expect(await code('panel/account/auth', { login: '99999', password: 'x' })).toEqual([400, 12]);
    expect(await code('panel/account/auth', { login: DEMO_LOGINS.blocked, password: DEMO_PASSWORD })).toEqual([403, 11]);
    expect(await code('panel/account/auth', { login: DEMO_LOGINS.admin })).toEqual([400, 7]);
    expect(await code('panel/user/list', {})).toEqual([400, 3]);
    expect(await code('panel/user/list', { order_by: 'password' }, hash)).toEqual([400, 7]);
    expect(await code('panel/user/mfa/settings/update', { target: { type: 'selected', ids: [1] }, settings: { type: 'disallowed' } }, viewer)).toEqual([403, 13]);
    expect(await code('panel/user/mfa/settings/default/update', { settings: { type: 'allowed', factor_types: ['sms'] } }, hash)).toEqual([400, 7]);
    expect(await code('panel/user/mfa/settings/update', { target: { type: 'selected', ids: [panel.foreignUserIds[0]] }, settings: { type: 'disallowed' } }, hash)).toEqual([400, 201]);
    await checked('panel/account/logout', {}, hash);
    expect(await code('panel/account/logout', {}, hash)).toEqual([400, 4]);
    panel.setRateLimit(1);
    await call('panel/user/list', { limit: 1 }, viewer);
    expect(await code('panel/user/list', { limit: 1 }, viewer)).toEqual([429, 15]);
  });

  it('a code 7 answer names the parameters in errors[] as the spec\'s ResponseError describes', async () => {
    const hash = await signIn();
    const r = await checked('panel/user/mfa/settings/update', { target: { type: 'selected', ids: [] }, settings: { type: 'allowed', factor_types: [] } }, hash);
    expect(r.json.errors).toEqual([expect.objectContaining({ parameter: 'target.ids' }), expect.objectContaining({ parameter: 'settings.factor_types' })]);
    expect(ErrorEnvelopeSchema.parse(r.json).errors?.map((e) => e.parameter)).toEqual(['target.ids', 'settings.factor_types']);
  });

  it('every user the emulator lists is a spec User that our schema parses', async () => {
    const hash = await signIn();
    const r = await checked('panel/user/list', { limit: 1000 }, hash);
    for (const u of r.json.list as unknown[]) conforms(component('User'), u);
    expect(UserListSchema.parse(r.json).list).toHaveLength(250);
  });

  it('(c) the requests our client sends conform to the spec\'s request schemas', async () => {
    const anon = createNavixyClient({ panel: panel.panelOrigin, apiBase: panel.apiBase });
    const signed = await anon.signIn(DEMO_LOGINS.admin, DEMO_PASSWORD);
    if (!signed.ok) throw new Error(signed.error.kind);
    const client = createNavixyClient({ panel: panel.panelOrigin, apiBase: panel.apiBase, hash: signed.value.hash });
    await client.getPermissions();
    await client.listPage({ offset: 0, limit: 500, filter: 'anna', orderBy: 'last_name', ascending: false });
    await client.eachPage(10_000, () => {});
    await client.updateMfa({ type: 'selected', ids: [1, 2] }, { type: 'allowed', factor_types: ['email'] });
    await client.updateMfa({ type: 'all' }, { type: 'disallowed' });
    await client.readDefault();
    await client.updateDefault({ type: 'allowed', factor_types: ['email'] });
    await client.signOut();
    const sent = panel.requests.map((r) => r.action);
    expect(new Set(sent)).toEqual(new Set(ACTIONS));
    for (const r of panel.requests) {
      const schema = requestSchema(r.action as Action);
      if (schema) expect(validate(spec, schema, r.body), `${r.action} ${JSON.stringify(r.body)}`).toEqual([]);
      else expect(r.body).toEqual({});
      expect(r).toMatchObject({ method: 'POST', status: 200 });
    }
  });
});
