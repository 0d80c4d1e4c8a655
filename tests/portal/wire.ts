// Wire format of the emulated portal: envelopes (§1.2), error bodies (§1.3), JSON conventions (§1.1).
import { type ResourceKey, resourceText } from './resources';

/** An exception thrown by an action: JSON error body (§1.3). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type = 'System.Exception',
    readonly hresult = -2146233088,
    /** false for BruteForce/Recaptcha/Authentication exceptions: only `message` is written. */
    readonly details = true,
    /** A .resx resource: the message is written in the request's culture (§11.1); `message` is the English text. */
    readonly resource?: ResourceKey,
  ) {
    super(message);
  }
}

/** Authentication/authorization failure before the action: bare status, empty body. */
export class EmptyStatus extends Error {
  constructor(readonly status: number, readonly headers: Record<string, string> = {}) {
    super(`HTTP ${status}`);
  }
}

/** Model-binding failure: wrapped ValidationProblemDetails with HTTP 400 (§1.2). */
export class ValidationError extends Error {
  constructor(readonly errors: Record<string, string[]>) {
    super('One or more validation errors occurred.');
  }
}

/** A paged list: `count` is the page length, `total` all matches (§10.3). */
export class Paged {
  constructor(readonly items: unknown[], readonly total: number) {}
}

/** An action result whose `count` is fixed (e.g. people/search streams: count 1). */
export class Counted {
  constructor(readonly value: unknown, readonly count: number) {}
}

export const errors = {
  notAvailable: () => new ApiError(403, resourceText('TfaAppNotAvailable', 'en'), 'System.InvalidOperationException', -2146233079, true, 'TfaAppNotAvailable'),
  noPermissions: () => new ApiError(403, resourceText('ErrorAccessDenied', 'en'), 'System.InvalidOperationException', -2146233079, true, 'ErrorAccessDenied'),
  notAvailableDot: () => new ApiError(403, 'Not available.', 'System.InvalidOperationException', -2146233079),
  accessDenied: () => new ApiError(403, 'Access denied', 'System.Security.SecurityException', -2146233078),
  invalidState: () =>
    new ApiError(403, 'Operation is not valid due to the current state of the object.', 'System.InvalidOperationException', -2146233079),
  incorrectCode: () => new ApiError(400, resourceText('TfaAppAuthMessageError', 'en'), 'System.ArgumentException', -2147024809, true, 'TfaAppAuthMessageError'),
  emptyCode: () => new ApiError(500, 'Validation code field cannot be empty'),
  tooManyCodes: () => new ApiError(403, resourceText('TfaTooMuchError', 'en'), '', 0, false, 'TfaTooMuchError'),
  tooManyLogins: () => new ApiError(403, 'Too many login attempts. Please try again later', '', 0, false),
  authFailed: () => new ApiError(401, 'User authentication failed', '', 0, false),
  // ASC.Common/Web/ItemNotFoundException.cs (an HttpException : Exception, so the default hresult).
  userNotFound: () => new ApiError(404, 'The user could not be found', 'ASC.Common.Web.ItemNotFoundException'),
  groupNotFound: () => new ApiError(404, 'The group could not be found', 'ASC.Common.Web.ItemNotFoundException'),
  userDisabled: () => new ApiError(403, 'User disabled', 'System.InvalidOperationException', -2146233079),
  nullReference: () =>
    new ApiError(500, 'Object reference not set to an instance of an object.', 'System.NullReferenceException', -2147467261),
};

/** Drops null/undefined object properties recursively (`WhenWritingNull`, §1.1). */
export function omitNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((v) => (v === undefined ? null : omitNulls(v)));
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== null && v !== undefined) {
        out[k] = omitNulls(v);
      }
    }
    return out;
  }
  return value;
}

export interface Link {
  href: string;
  action: string;
}

/** The success wrapper of §1.2. */
export function successBody(result: unknown, link: Link, statusCode = 200): Record<string, unknown> {
  let response: unknown = result;
  let count: number;
  let total: number | undefined;
  if (result instanceof Paged) {
    response = result.items;
    count = result.items.length;
    total = result.total;
  } else if (result instanceof Counted) {
    response = result.value;
    count = result.count;
  } else if (result === null || result === undefined) {
    count = 0;
  } else {
    count = Array.isArray(result) ? result.length : 1;
  }
  const body: Record<string, unknown> = {};
  if (response !== null && response !== undefined) {
    body.response = omitNulls(response);
  }
  body.count = count;
  if (total !== undefined) {
    body.total = total;
  }
  body.links = [link];
  body.status = 0;
  body.statusCode = statusCode;
  return body;
}

/** The error body of §1.3; a resource message in `culture` (the request's, §11.1). */
export function errorBody(e: ApiError, culture?: string): Record<string, unknown> {
  const error: Record<string, unknown> = { message: e.resource ? resourceText(e.resource, culture) : e.message };
  if (e.details) {
    error.type = e.type;
    error.stack = `   at ${e.type}..ctor() in emulated portal\n   at ASC.Web.Api.Controllers (emulated)`;
    error.hresult = e.hresult;
  }
  return { error, status: 1, statusCode: e.status };
}

export function validationBody(e: ValidationError, link: Link): Record<string, unknown> {
  return {
    response: {
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
      title: 'One or more validation errors occurred.',
      status: 400,
      errors: e.errors,
      traceId: '00-00000000000000000000000000000000-0000000000000000-00',
    },
    count: 1,
    links: [link],
    status: 1,
    statusCode: 400,
  };
}

/** .NET `ApiDateTime` style: `2026-05-01T10:30:00.0000000+00:00`. */
export function apiDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000+00:00');
}

export const ZERO_DATE = '0001-01-01T00:00:00';
export const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';
export const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `HttpUtility.HtmlEncode` / safe HTML text. */
export function htmlEncode(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Case-insensitive property read (input names are case-insensitive, §1.1). */
export function prop(obj: unknown, name: string): unknown {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    return undefined;
  }
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(obj)) {
    if (k.toLowerCase() === lower) {
      return v;
    }
  }
  return undefined;
}
