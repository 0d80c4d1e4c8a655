// Injected transport faults. `truncated` runs the request (state changes apply) and cuts the body;
// every other kind answers without running it; `stall` never answers until the portal closes;
// `stallBody` sends the headers and the first bytes of a JSON body, then nothing more (a proxy stuck
// mid-response); `reset` drops the connection without a byte of response (a proxy or portal restarting).

/** Every transport fault the emulated portal can inject; tests/integration/fault-modes.test.ts covers each. */
export const FAULT_KINDS = ['html502', 'truncated', 'empty200', 'stall', 'status429', 'status500', 'garbage', 'reset', 'stallBody'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  /** Absent: every path. A string without a leading slash is relative to `/api/2.0/`; matched exactly, case-insensitive. */
  path?: string | RegExp;
  /**
   * Only requests whose query has each of these parameters with this value (e.g. one page of a list:
   * `{ path: 'people/filter', query: { startIndex: '200' } }`; a parameter the request lacks never matches).
   */
  query?: Record<string, string>;
  kind: FaultKind;
  retryAfterSec?: number;
  /** How many matching requests get the fault (default: unlimited). */
  times?: number;
}

interface FaultOut {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

const norm = (p: string): string => p.replace(/\/+$/, '').toLowerCase();

export class FaultBox {
  private fault: Fault | null = null;
  private left = Infinity;

  set(f: Fault | null): void {
    this.fault = f ? { ...f } : null;
    this.left = f?.times ?? Infinity;
  }

  private matches(path: string, query: URLSearchParams): boolean {
    const wanted = Object.entries(this.fault?.query ?? {});
    if (wanted.some(([k, v]) => query.get(k) !== v)) {
      return false;
    }
    const p = this.fault?.path;
    if (p === undefined) {
      return true;
    }
    if (p instanceof RegExp) {
      return p.test(path);
    }
    const full = p.startsWith('/') ? p : `/api/2.0/${p}`;
    return norm(full) === norm(path);
  }

  /** The fault for this request, if any (consumes one of `times`). */
  take(path: string, query: URLSearchParams = new URLSearchParams()): Fault | null {
    const f = this.fault;
    if (!f || this.left <= 0 || !this.matches(path, query)) {
      return null;
    }
    this.left -= 1;
    if (this.left <= 0) {
      this.fault = null;
    }
    return f;
  }
}

const HTML_502 = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;

export async function applyFault(f: Fault, run: () => Promise<FaultOut>): Promise<FaultOut> {
  const jsonType = { 'Content-Type': 'application/json; charset=utf-8' };
  switch (f.kind) {
    case 'html502':
      return { status: 502, headers: { 'Content-Type': 'text/html' }, body: HTML_502 };
    case 'empty200':
      return { status: 200, headers: jsonType, body: '' };
    case 'status429':
      return { status: 429, headers: { 'Retry-After': String(f.retryAfterSec ?? 60) }, body: '' };
    case 'status500':
      return {
        status: 500,
        headers: jsonType,
        body: JSON.stringify({
          error: { message: 'Internal Server Error', type: 'System.Exception', stack: '   at (emulated fault)', hresult: -2146233088 },
          status: 1,
          statusCode: 500,
        }),
      };
    case 'garbage':
      return { status: 200, headers: jsonType, body: '{"response":{"weird":1},"status":0,"statusCode":200}' };
    case 'truncated': {
      const out = await run();
      return { ...out, body: out.body.slice(0, Math.floor(out.body.length / 2)) };
    }
    case 'stall':
    case 'stallBody':
    case 'reset':
      throw new Error(`${f.kind} is handled by the server`);
  }
}
