// A stand-in for a panel API that answers every request the same way (set per test): an old panel without the MFA API
// (111/112), a rate limit, a server error, an unknown code, or a site that is not a Navixy API at all. Used where the
// emulated panel (tests/navixy/) answers as a Navixy panel with MFA always does.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeAnswer {
  status: number;
  /** Sent as JSON unless a string. */
  body: unknown;
}

export interface FakeApi {
  /** `<origin>/v2`, as an API base URL is typed. */
  apiBase: string;
  answer(a: FakeAnswer): void;
  /** Paths asked, in order. */
  paths: string[];
  close(): Promise<void>;
}

/** The error envelope of the Navixy API with `code` (HTTP status as the docs give it). */
export const envelopeAnswer = (code: number, status = 400): FakeAnswer => ({ status, body: { success: false, status: { code, description: `Error ${code}` } } });

export async function startFakeApi(first: FakeAnswer = envelopeAnswer(3)): Promise<FakeApi> {
  let current = first;
  const paths: string[] = [];
  const server = createServer((req, res) => {
    paths.push(req.url ?? '/');
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Authorization, Content-Type' };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    const text = typeof current.body === 'string' ? current.body : JSON.stringify(current.body);
    const type = typeof current.body === 'string' ? 'text/html' : 'application/json';
    req.resume();
    req.on('end', () => res.writeHead(current.status, { ...cors, 'Content-Type': type }).end(text));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiBase: `${origin}/v2`,
    answer: (a) => {
      current = a;
    },
    paths,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
