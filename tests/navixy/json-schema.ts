// A small JSON Schema (OpenAPI 3.1 subset) checker for the Navixy conformance tests: enough of the
// vocabulary the Admin Panel spec uses for the actions the extension calls. Annotations (description,
// example, readOnly, discriminator, format, default) are ignored; an unknown assertion keyword throws,
// so a spec that starts using one is noticed instead of silently passing.

export type JsonSchema = Record<string, unknown>;

const ANNOTATIONS = new Set(['description', 'example', 'examples', 'readOnly', 'writeOnly', 'discriminator', 'format', 'default', 'title', 'deprecated']);
const HANDLED = new Set(['$ref', 'type', 'properties', 'required', 'items', 'enum', 'const', 'minItems', 'maxItems', 'minimum', 'maximum', 'minLength', 'maxLength', 'oneOf', 'anyOf', 'allOf', 'additionalProperties', 'pattern']);

/** Resolves `#/a/b/c` references against `root`. */
export function resolveRef(root: unknown, ref: string): JsonSchema {
  if (!ref.startsWith('#/')) throw new Error(`only local references are supported: ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (node === undefined) throw new Error(`unresolved reference ${ref}`);
  }
  return node as JsonSchema;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Every way `value` fails `schema`, as `path: problem` lines; empty when it conforms. */
export function validate(root: unknown, schema: JsonSchema, value: unknown, path = '$'): string[] {
  for (const k of Object.keys(schema)) if (!ANNOTATIONS.has(k) && !HANDLED.has(k)) throw new Error(`${path}: unsupported schema keyword "${k}"`);
  if (typeof schema.$ref === 'string') return validate(root, resolveRef(root, schema.$ref), value, path);
  const errors: string[] = [];
  const t = typeOf(value);
  if (schema.type !== undefined) {
    const types = ([] as string[]).concat(schema.type as string | string[]);
    const ok = types.some((x) => x === t || (x === 'number' && t === 'integer'));
    if (!ok) return [`${path}: expected ${types.join(' | ')}, got ${t}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) errors.push(`${path}: ${JSON.stringify(value)} not in enum ${JSON.stringify(schema.enum)}`);
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) errors.push(`${path}: expected const ${JSON.stringify(schema.const)}`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: ${value} < minimum ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: ${value} > maximum ${schema.maximum}`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) errors.push(`${path}: shorter than ${schema.minLength}`);
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) errors.push(`${path}: longer than ${schema.maxLength}`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${path}: does not match ${schema.pattern}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${path}: fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) errors.push(`${path}: more than ${schema.maxItems} items`);
    if (schema.items && typeof schema.items === 'object') value.forEach((item, i) => errors.push(...validate(root, schema.items as JsonSchema, item, `${path}[${i}]`)));
  }
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    for (const r of (schema.required as string[] | undefined) ?? []) if (!(r in obj)) errors.push(`${path}: missing required "${r}"`);
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) errors.push(...validate(root, props[k], v, `${path}.${k}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unexpected property "${k}"`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') errors.push(...validate(root, schema.additionalProperties as JsonSchema, v, `${path}.${k}`));
    }
  }
  if (Array.isArray(schema.allOf)) for (const s of schema.allOf as JsonSchema[]) errors.push(...validate(root, s, value, path));
  if (Array.isArray(schema.anyOf)) {
    const results = (schema.anyOf as JsonSchema[]).map((s) => validate(root, s, value, path));
    if (!results.some((r) => r.length === 0)) errors.push(`${path}: matches none of anyOf (${results.map((r) => r[0]).join('; ')})`);
  }
  if (Array.isArray(schema.oneOf)) {
    const results = (schema.oneOf as JsonSchema[]).map((s) => validate(root, s, value, path));
    const passing = results.filter((r) => r.length === 0).length;
    if (passing !== 1) errors.push(`${path}: matches ${passing} of oneOf, not exactly one${passing === 0 ? ` (${results.map((r) => r[0]).join('; ')})` : ''}`);
  }
  return errors;
}

/**
 * Instances a schema describes, built from its `example` values: the first is the "typical" one
 * (each property's first alternative); then one more per further alternative of any property
 * (each `oneOf`/`anyOf` branch, `null` of a nullable type, each enum value). A property without an
 * example gets a value of its type.
 */
export function examplesOf(root: unknown, raw: JsonSchema, depth = 0): unknown[] {
  const schema = typeof raw.$ref === 'string' ? resolveRef(root, raw.$ref) : raw;
  if (depth > 8) return [null];
  const branches = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  if (branches) return branches.flatMap((b) => examplesOf(root, b, depth + 1));
  const types = ([] as string[]).concat((schema.type as string | string[] | undefined) ?? (schema.properties ? 'object' : []));
  const nullable = types.includes('null');
  const type = types.find((x) => x !== 'null');
  const orNull = (xs: unknown[]) => (nullable ? [...xs, null] : xs);
  if ('example' in schema && type !== 'object') {
    const extra = Array.isArray(schema.enum) ? schema.enum.filter((e) => JSON.stringify(e) !== JSON.stringify(schema.example)) : [];
    return orNull([schema.example, ...extra]);
  }
  if (Array.isArray(schema.enum)) return orNull([...schema.enum]);
  if (type === 'object' || schema.properties) {
    const props = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>).map(([k, v]) => [k, examplesOf(root, v, depth + 1)] as const);
    const base = Object.fromEntries(props.map(([k, xs]) => [k, xs[0]]));
    const more = props.flatMap(([k, xs]) => xs.slice(1).map((x) => ({ ...base, [k]: x })));
    return orNull([base, ...more]);
  }
  if (type === 'array') {
    const items = examplesOf(root, (schema.items ?? {}) as JsonSchema, depth + 1);
    return orNull(items.map((x) => [x]));
  }
  if (type === 'boolean') return orNull([true, false]);
  if (type === 'integer' || type === 'number') return orNull([typeof schema.minimum === 'number' ? Math.max(1, schema.minimum) : 1]);
  if (type === 'string') return orNull(['text']);
  return [null];
}
