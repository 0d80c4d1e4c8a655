import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchText } from '../../lib/http';
import { describeError } from '../../lib/messages';

/**
 * fetchText reads a body as a stream and stops past its cap, over real HTTP (Node's fetch): a server that never
 * stops sending costs us the cap, not memory without end.
 */
let server: Server;
let origin: string;
/** Bytes the endless route managed to write before the client hung up, and whether it saw the hang-up. */
const endless = { written: 0, closed: false };

const CHUNK = Buffer.alloc(64 * 1024, 'x');
function sendForever(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.write('{"response":"');
  const pump = (): void => {
    while (!res.destroyed && endless.written < 512 * 1024 * 1024) {
      endless.written += CHUNK.length;
      if (!res.write(CHUNK)) {
        res.once('drain', pump);
        return;
      }
    }
  };
  res.on('close', () => {
    endless.closed = true;
  });
  pump();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/endless') return sendForever(res);
    if (req.url === '/declared') {
      res.writeHead(200, { 'Content-Length': String(64 * 1024 * 1024) });
      res.write('{');
      return; // never sends the rest
    }
    if (req.url === '/utf8') {
      // Split a multi-byte character across writes: the decoder must join them.
      const body = Buffer.from(JSON.stringify({ response: 'مرحبا 田中 😀' }));
      res.writeHead(200, { 'Content-Type': 'application/json' });
      for (let i = 0; i < body.length; i += 3) res.write(body.subarray(i, i + 3));
      return res.end();
    }
    res.writeHead(204).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const get = (path: string, maxBytes?: number) => fetchText(fetch, new URL(path, origin), { method: 'GET' }, 10_000, origin, maxBytes);

describe('fetchText: a streaming size cap', () => {
  it('an endless body: stops reading past the cap, cancels the stream, answers a typed "too large"', async () => {
    const r = await get('/endless', 1024 * 1024);
    expect(r).toEqual({ ok: false, error: { kind: 'badResponse', origin, where: 'GET /endless', status: 200, tooLarge: true } });
    await expect.poll(() => endless.closed, { timeout: 5_000 }).toBe(true);
    // The server could write what sits in socket buffers after the cap, but nowhere near its 512 MiB.
    expect(endless.written).toBeLessThan(64 * 1024 * 1024);
    expect(describeError(r.ok ? (undefined as never) : r.error).message).toBe(
      `${new URL(origin).host} sent an unexpectedly large answer, so the extension stopped reading it.`,
    );
  });

  it('a declared Content-Length over the cap: refused before reading', async () => {
    const r = await get('/declared', 1024 * 1024);
    expect(!r.ok && r.error).toMatchObject({ kind: 'badResponse', tooLarge: true });
  });

  it('a body under the cap is read whole, multi-byte characters split across chunks intact', async () => {
    const r = await get('/utf8', 64);
    if (!r.ok) throw new Error(r.error.kind);
    expect(JSON.parse(r.value.text)).toEqual({ response: 'مرحبا 田中 😀' });
  });

  it('the same body one byte over a tight cap is refused', async () => {
    const size = Buffer.byteLength(JSON.stringify({ response: 'مرحبا 田中 😀' }));
    expect((await get('/utf8', size)).ok).toBe(true);
    expect((await get('/utf8', size - 1)).ok).toBe(false);
  });

  it('an empty body (204) is empty text', async () => {
    const r = await get('/none');
    expect(r.ok && r.value.text).toBe('');
  });
});
