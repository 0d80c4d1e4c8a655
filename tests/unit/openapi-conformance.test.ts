import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import {
  BackupCodeListSchema, BooleanResponseSchema, GroupListSchema,
  GroupSchema, OptionalStringResponseSchema, PeopleListSchema, PortalSettingsSchema, ProfileSchema, SetupCodeSchema,
  TfaConfirmSchema, TfaSettingsListSchema,
} from '../../lib/providers/docspace/schemas';

/**
 * Our zod schemas must accept what the official OpenAPI text describes (tests/fixtures/docspace-openapi-tfa.json,
 * a copy of the project's reference subset; its x-source names the upstream repository, file and commit): an
 * instance is generated from each 200 response schema (its `examples`, else a
 * value of the declared type) and parsed with the schema the client uses.
 */
type Json = Record<string, unknown>;
const spec = JSON.parse(readFileSync(resolve(__dirname, '../fixtures/docspace-openapi-tfa.json'), 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Json }> }> }>>;
  components: { schemas: Record<string, Json> };
};

function deref(schema: Json): Json {
  const ref = schema.$ref as string | undefined;
  return ref ? deref(spec.components.schemas[ref.split('/').pop()!]!) : schema;
}

function exampleOf(raw: Json, depth = 0): unknown {
  const schema = deref(raw);
  if (depth > 6) return null;
  if (Array.isArray(schema.allOf)) return Object.assign({}, ...(schema.allOf as Json[]).map((s) => exampleOf(s, depth + 1)));
  const examples = schema.examples as unknown[] | undefined;
  if (examples?.length) return examples[0];
  const types = ([] as unknown[]).concat(schema.type ?? 'object').filter((t) => t !== 'null');
  const type = types[0];
  if (schema.properties || type === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) out[k] = exampleOf(v, depth + 1);
    return out;
  }
  if (type === 'array') return [exampleOf((schema.items ?? {}) as Json, depth + 1)];
  if (type === 'boolean') return true;
  if (type === 'integer' || type === 'number') return 1;
  if (schema.format === 'uuid') return '00000000-0000-0000-0000-000000000001';
  return 'text';
}

function responseExample(path: string, method: string): unknown {
  const op = spec.paths[path]?.[method];
  if (!op) throw new Error(`${method} ${path} missing from the OpenAPI subset`);
  const wrapper = exampleOf(Object.values(op.responses['200']!.content!)[0]!.schema) as Json;
  return wrapper.response;
}

const cases: [string, string, z.ZodMiniType][] = [
  ['/api/2.0/settings/tfaapp', 'get', TfaSettingsListSchema],
  ['/api/2.0/settings/tfaapp', 'put', BooleanResponseSchema],
  ['/api/2.0/settings/tfaappwithlink', 'put', OptionalStringResponseSchema],
  ['/api/2.0/settings/tfaapp/confirm', 'get', TfaConfirmSchema],
  ['/api/2.0/settings/tfaapp/setup', 'get', SetupCodeSchema],
  ['/api/2.0/settings/tfaapp/validate', 'post', BooleanResponseSchema],
  ['/api/2.0/settings/tfaappcodes', 'get', BackupCodeListSchema],
  ['/api/2.0/settings/tfaappnewcodes', 'put', BackupCodeListSchema],
  ['/api/2.0/settings/tfaappnewapp', 'put', OptionalStringResponseSchema],
  ['/api/2.0/people/@self', 'get', ProfileSchema],
  ['/api/2.0/people/{userid}', 'get', ProfileSchema],
  ['/api/2.0/people/filter', 'get', PeopleListSchema],
  ['/api/2.0/group', 'get', GroupListSchema],
  ['/api/2.0/group/{id}', 'get', GroupSchema],
  ['/api/2.0/settings', 'get', PortalSettingsSchema],
];

describe('zod schemas agree with the official OpenAPI subset', () => {
  it.each(cases)('%s %s', (path, method, schema) => {
    const example = responseExample(path, method);
    const parsed = schema.safeParse(example);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('every field we read from TfaSettingsDto, TfaSetupCodeDto and TfaAppCodeDto is documented', () => {
    const props = (name: string) => Object.keys((spec.components.schemas[name]!.properties ?? {}) as Json);
    expect(props('TfaSettingsDto')).toEqual(expect.arrayContaining(['id', 'title', 'enabled', 'available', 'trustedIps', 'mandatoryUsers', 'mandatoryGroups']));
    expect(props('TfaSetupCodeDto')).toEqual(expect.arrayContaining(['account', 'manualEntryKey', 'qrCodeSetupImageUrl']));
    expect(props('TfaAppCodeDto')).toEqual(expect.arrayContaining(['isUsed', 'code']));
    expect(props('TfaConfirmDataDto')).toEqual(expect.arrayContaining(['url', 'cookieName', 'cookieValue']));
    expect(props('TfaRequestsDto')).toEqual(expect.arrayContaining(['type', 'id', 'trustedIps', 'mandatoryUsers', 'mandatoryGroups']));
  });

  it('the settings example is recognised as a DocSpace portal', () => {
    const parsed = PortalSettingsSchema.parse(responseExample('/api/2.0/settings', 'get'));
    expect(parsed.isDocSpace).toBe(true);
  });
});
