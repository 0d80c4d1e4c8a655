// Issue 23 §2: a 404 is "no such record" only when it is the portal's ItemNotFoundException (§12.2); a 404 of no
// route, or a proxy's page, must not read as "this person was deleted".
import { describe, expect, it } from 'vitest';
import { errorFromResponse } from '../../lib/providers/docspace/http';

const ORIGIN = 'https://portal.example.com';
const res = (status: number) => ({ status, headers: new Headers() });
const body = (type: string | null) => JSON.stringify({ error: { message: 'The user could not be found', type, stack: '', hresult: -2146233088 }, status: 1, statusCode: 404 });

describe('404 answers of people/{id} and group/{id}', () => {
  it.each([
    ['the portal\'s ItemNotFoundException', true, body('ASC.Common.Web.ItemNotFoundException')],
    ['another exception type', false, body('System.IO.FileNotFoundException')],
    ['an empty body (no route matched)', false, ''],
    ['a proxy\'s HTML page', false, '<html><body>404 Not Found</body></html>'],
  ])('%s → itemNotFound %s', (_, expected, text) => {
    const e = errorFromResponse(ORIGIN, res(404), text, { method: 'GET', path: 'people/8d1e5b2a-7c3f-4a6e-b0d9-000000000001' });
    expect(e.kind).toBe('notFound');
    expect(e.kind === 'notFound' && e.itemNotFound === true).toBe(expected);
  });
});
