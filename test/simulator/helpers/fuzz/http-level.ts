import fc from 'fast-check';
import type { RawHttpRequest } from '../raw-http';
import { directOrder } from './body-routes';
import { FUZZ_NOTIFY_URL, type FuzzCase, signedRequest } from './context';
import { headerSafeText } from './values';

/** What is wrong at the level of HTTP: the header lines, the framing, the request line. */
export type HttpPlan =
  | { readonly kind: 'huge-header'; readonly size: number }
  | { readonly kind: 'bad-name'; readonly name: string }
  | { readonly kind: 'control-character'; readonly code: number; readonly inAuthorization: boolean }
  | { readonly kind: 'content-length-twice'; readonly first: number; readonly second: number }
  | { readonly kind: 'content-length-garbage'; readonly value: string }
  | { readonly kind: 'chunked-and-length' | 'no-host' | 'connect' }
  | { readonly kind: 'expect'; readonly value: string }
  | { readonly kind: 'content-type'; readonly value: string | null }
  | { readonly kind: 'authorization-twice'; readonly first: string }
  | { readonly kind: 'method'; readonly method: string }
  | { readonly kind: 'version'; readonly version: string }
  | { readonly kind: 'extra-headers'; readonly headers: readonly (readonly [string, string])[] };

const TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,30}$/;
const FRAMING =
  /^(content-length|transfer-encoding|host|connection|expect|upgrade|authorization)$/i;
const JSON_TYPE = /^application\/json\s*(?:;|$)/i;

export const httpPlans: fc.Arbitrary<HttpPlan> = fc.oneof(
  fc.record({
    kind: fc.constant('huge-header' as const),
    size: fc.integer({ min: 16_500, max: 48_000 }),
  }),
  fc
    .stringMatching(/^[A-Za-z0-9 "(),/;<=>?@[\]{}\\-]{1,20}$/)
    .filter((name) => !TOKEN.test(name))
    .map((name) => ({ kind: 'bad-name', name }) as const),
  fc.record({
    kind: fc.constant('control-character' as const),
    code: fc.oneof(
      fc.integer({ min: 0, max: 8 }),
      fc.integer({ min: 11, max: 31 }).filter((code) => code !== 13),
      fc.constant(127),
    ),
    inAuthorization: fc.boolean(),
  }),
  fc
    .record({
      kind: fc.constant('content-length-twice' as const),
      first: fc.nat(99),
      second: fc.nat(99),
    })
    .filter((plan) => plan.first !== plan.second),
  fc
    .stringMatching(/^[0-9a-zA-Z +.-]{1,12}$/)
    .filter((value) => !/^[0-9]+$/.test(value.trim()))
    .map((value) => ({ kind: 'content-length-garbage', value }) as const),
  fc.constantFrom(
    { kind: 'chunked-and-length' } as const,
    { kind: 'no-host' } as const,
    { kind: 'connect' } as const,
  ),
  fc
    .stringMatching(/^[A-Za-z0-9-]{1,20}$/)
    .filter((value) => value.toLowerCase() !== '100-continue')
    .map((value) => ({ kind: 'expect', value }) as const),
  fc
    .oneof(
      fc.constant(null),
      fc.constantFrom(
        'text/plain',
        'application/xml',
        'multipart/form-data; boundary=x',
        'application/jsonp',
        'application/json-patch+json',
        'json',
        'application',
        '*/*',
        'text/json',
      ),
      fc.stringMatching(/^[a-z]{1,10}\/[a-z+.-]{1,12}$/),
      headerSafeText(60),
    )
    .filter((value) => value === null || !JSON_TYPE.test(value.trim()))
    .map((value) => ({ kind: 'content-type', value }) as const),
  fc
    .stringMatching(/^[ -~]{0,80}$/)
    .map((first) => ({ kind: 'authorization-twice', first }) as const),
  fc
    .stringMatching(/^[A-Z]{1,10}$/)
    .filter((method) => method !== 'GET' && method !== 'POST')
    .map((method) => ({ kind: 'method', method }) as const),
  fc
    .constantFrom(
      'HTTP/2.0',
      'HTTP/0.9',
      'HTTP/1.2',
      'HTTP/3',
      'HTTP/1',
      'http/1.1',
      'HTTP/1.1 x',
      'FOO/1.1',
      'HTTP/11',
    )
    .map((version) => ({ kind: 'version', version }) as const),
  fc
    .array(
      fc.tuple(
        fc.stringMatching(TOKEN).filter((name) => !FRAMING.test(name)),
        fc.stringMatching(/^[ -~]{0,60}$/),
      ),
      { minLength: 1, maxLength: 20 },
    )
    .map((headers) => ({ kind: 'extra-headers', headers }) as const),
);

const QUERY: RawHttpRequest = { method: 'GET', target: '/v3/certificates', headers: [] };

export function httpCase(plan: HttpPlan): FuzzCase {
  const parserRefusal = (request: RawHttpRequest): FuzzCase => ({
    request,
    statuses: [400],
    code: 'INVALID_REQUEST',
  });
  switch (plan.kind) {
    case 'huge-header':
      return parserRefusal({ ...QUERY, headers: [['X-Fuzz', 'x'.repeat(plan.size)]] });
    case 'bad-name':
      return parserRefusal({ ...QUERY, headers: [[plan.name, 'x']] });
    case 'control-character': {
      const value = `a${String.fromCharCode(plan.code)}b`;
      return parserRefusal({
        ...QUERY,
        headers: [[plan.inAuthorization ? 'Authorization' : 'X-Fuzz', value]],
      });
    }
    case 'content-length-twice':
      return parserRefusal(
        framed('POST', [
          ['Content-Length', String(plan.first)],
          ['Content-Length', String(plan.second)],
        ]),
      );
    case 'content-length-garbage':
      return parserRefusal(framed('POST', [['Content-Length', plan.value]]));
    case 'chunked-and-length':
      return parserRefusal(
        framed(
          'POST',
          [
            ['Transfer-Encoding', 'chunked'],
            ['Content-Length', '5'],
          ],
          { body: '0\r\n\r\n' },
        ),
      );
    case 'no-host':
      // Served like an HTTP/1.0 request: a GET of a POST route.
      return {
        request: framed('GET', [], { host: false }),
        statuses: [400],
        code: 'INVALID_REQUEST',
      };
    case 'connect':
      return parserRefusal({ method: 'CONNECT', target: '127.0.0.1:443', headers: [] });
    case 'expect':
      return parserRefusal({ ...QUERY, headers: [['Expect', plan.value]] });
    case 'content-type': {
      const body = Buffer.from(JSON.stringify(directOrder('FUZZHTTP000001', FUZZ_NOTIFY_URL)));
      const signed = signedRequest('POST', '/v3/pay/transactions/jsapi', body);
      const headers = signed.headers.filter(([name]) => name !== 'Content-Type');
      if (plan.value !== null) headers.push(['Content-Type', plan.value]);
      return { request: { ...signed, headers }, statuses: [400], code: 'INVALID_REQUEST' };
    }
    case 'authorization-twice': {
      const signed = signedRequest('GET', '/v3/certificates');
      return {
        request: { ...signed, headers: [['Authorization', plan.first], ...signed.headers] },
        statuses: [401],
        code: 'SIGN_ERROR',
      };
    }
    case 'method':
      return { request: { ...QUERY, method: plan.method }, statuses: [400, 404] };
    case 'version':
      return { request: { ...QUERY, version: plan.version }, statuses: [400, 401] };
    case 'extra-headers':
      return { request: { ...QUERY, headers: plan.headers }, statuses: [401], code: 'SIGN_ERROR' };
  }
}

/** A request framed by the test: Host (unless `host` is false), `headers`, then close. */
function framed(
  method: string,
  headers: readonly (readonly [string, string])[],
  { body = '', host = true }: { readonly body?: string; readonly host?: boolean } = {},
): RawHttpRequest {
  return {
    method,
    target: '/v3/pay/transactions/jsapi',
    headers: [
      ...(host ? [['Host', '127.0.0.1'] as const] : []),
      ...headers,
      ['Connection', 'close'],
    ],
    body: Buffer.from(body),
    framing: 'manual',
  };
}
