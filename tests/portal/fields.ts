// `fields=` as the server applies it to every wrapped answer (common/ASC.Api.Core/Core/DynamicIgnoreResolver.cs,
// DynamicIgnoreConverter; the list from ApiContext.cs GetRequestArray). Names are compared exactly, after the
// camelCase naming policy: `fields=DisplayName` selects nothing, nor does ` email` (no trimming).

/**
 * `GetRequestArray("fields")`: every `fields[]` value if there is one (never split), else the `fields` values,
 * a single one split on commas. Query keys are case-insensitive (ASP.NET's query collection). Null: no filter.
 */
export function requestedFields(query: URLSearchParams): string[] | null {
  const values = (key: string): string[] => [...query].filter(([k]) => k.toLowerCase() === key).map(([, v]) => v);
  const bracketed = values('fields[]');
  if (bracketed.length > 0) {
    return bracketed;
  }
  const plain = values('fields');
  if (plain.length === 0) {
    return null;
  }
  return plain.length === 1 && plain[0] ? plain[0].split(',') : plain;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The properties of one object at `depth` (1 = the `response` value or its elements) that `fields` keeps. */
function selectObject(obj: Record<string, unknown>, fields: string[], depth: number, fullName: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(obj)) {
    let nextName = fullName;
    const keep = fields.some((r) => {
      if (r.includes('.')) {
        const checkName = depth === 1 ? name : `${fullName}.${name}`;
        const hit = r === checkName || r === fullName || r.startsWith(`${checkName}.`);
        if (hit) {
          nextName = checkName;
        }
        return hit;
      }
      const hit = r === (depth === 1 ? name : fullName);
      if (hit && depth === 1) {
        nextName = name;
      }
      return hit;
    });
    if (keep) {
      out[name] = selectValue(value, fields, depth + 1, nextName);
    }
  }
  return out;
}

/** Objects (and objects in lists) get the converter one level down; strings, numbers and booleans pass as they are. */
function selectValue(value: unknown, fields: string[], depth: number, fullName: string): unknown {
  if (Array.isArray(value)) {
    return value.map((v) => (isObject(v) ? selectObject(v, fields, depth, fullName) : v));
  }
  return isObject(value) ? selectObject(value, fields, depth, fullName) : value;
}

/** The `response` value as written under `fields` (null values are already gone, as WhenWritingNull drops them first). */
export function selectFields(response: unknown, fields: string[] | null): unknown {
  return fields && fields.length > 0 ? selectValue(response, fields, 1, '') : response;
}
