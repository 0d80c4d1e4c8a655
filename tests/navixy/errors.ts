// Error codes of the emulated Navixy Admin Panel: the codes, their descriptions as the Navixy API docs word
// them ([DOCS] errors.md), and the HTTP status of each (the docs' table; a blank cell there is the default, 400).

/** Error codes the emulator answers with, and their descriptions as the Navixy API docs word them. */
export const ERROR_CODES = {
  1: 'Database error',
  2: 'Service Auth error',
  3: 'Wrong hash',
  4: 'User or API key not found or session ended',
  5: 'Wrong request format',
  6: 'Unexpected error',
  7: 'Invalid parameters',
  8: 'Queue service error, try again later',
  9: 'Too large request',
  11: 'Access denied',
  12: 'Dealer not found',
  13: 'Operation not permitted',
  14: 'Database unavailable',
  15: 'Too many requests (rate limit exceeded)',
  101: 'In demo mode this function is disabled',
  103: 'User not activated',
  111: 'Wrong handler',
  112: 'Wrong method',
  201: 'Not found in the database',
  212: 'Requested limit is too big',
  217: 'List contains nonexistent entities',
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** HTTP status per code ([DOCS] errors table: 2, 11, 13, 101 are 403; 9 is 412; blank cells, 103 among them, the default 400). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  1: 500, 2: 403, 3: 400, 4: 400, 5: 400, 6: 500, 7: 400, 8: 503, 9: 412, 11: 403, 12: 400, 13: 403, 14: 503, 15: 429,
  101: 403, 103: 400, 111: 400, 112: 400, 201: 400, 212: 400, 217: 400,
};

export interface ParameterError {
  parameter: string;
  error: string;
}

/** A refusal: the code and, with code 7, the parameters named in `errors`. */
export class PanelFail extends Error {
  constructor(readonly code: ErrorCode, readonly errors?: ParameterError[]) {
    super(ERROR_CODES[code]);
  }
}

export const invalid = (parameter: string, error: string) => new PanelFail(7, [{ parameter, error }]);

/** The error envelope ([SPEC] `ResponseError`). */
export function envelope(fail: PanelFail): Record<string, unknown> {
  return { success: false, status: { code: fail.code, description: ERROR_CODES[fail.code] }, ...(fail.errors ? { errors: fail.errors } : {}) };
}
