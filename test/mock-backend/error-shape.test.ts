import * as net from 'node:net';
import { describeClientError } from '../../demo-miniprogram/mock-backend/src/http/client-errors';
import type { MockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import { call, startTestBackend } from './helpers/backend';

// Mock backend README "Bad input": every 4xx, whichever layer refuses (node's HTTP parser,
// fastify's router, its body parsers, the schemas, the routes), is { error: { code, message } }.

let backend: MockBackend;

beforeAll(async () => {
  backend = await startTestBackend();
});

afterAll(async () => {
  await backend.close();
});

interface RawAnswer {
  readonly status: number;
  readonly contentType: string | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: the JSON answer, read freely
  readonly body: any;
}

/** Writes bytes on a fresh connection and reads the whole answer (the server closes it). */
function rawRequest(bytes: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(new URL(backend.url).port), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]),
        contentType: /\r\ncontent-type: ([^\r]*)/i.exec(head)?.[1],
        body: JSON.parse(body),
      });
    });
    socket.end(bytes);
  });
}

function expectErrorShape(answer: { status: number; body: unknown }, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({ error: { code, message: expect.any(String) } });
  const { message } = (answer.body as { error: { message: string } }).error;
  // A sentence for a log: not fastify's codes, not a stack.
  expect(message).not.toMatch(/FST_ERR|\n\s+at |node_modules/);
  expect(message.length).toBeGreaterThan(10);
}

describe('the router: bad percent-encoding and over-long segments', () => {
  it.each([
    ['a bad %-escape', '/api/orders/%zz'],
    ['an overlong UTF-8 sequence', '/api/orders/%C0%AF'],
    ['a lone surrogate', '/api/orders/%ED%A0%80'],
    ['on a nested route', '/api/orders/%zz/close'],
  ])('%s: 400 BAD_URL naming the path', async (_name, path) => {
    const method = path.endsWith('/close') ? 'POST' : 'GET';
    const answer = await call(backend, method, path);
    expectErrorShape(answer, 400, 'BAD_URL');
    expect(answer.body.error.message).toBe(
      `the path ${path} is not valid percent-encoding (a bad %-escape, an overlong UTF-8 sequence or a lone surrogate)`,
    );
  });

  it('a path segment over 512 characters: 414 URI_TOO_LONG', async () => {
    const answer = await call(backend, 'GET', `/api/orders/${'x'.repeat(513)}`);
    expectErrorShape(answer, 414, 'URI_TOO_LONG');
    expect(answer.body.error.message).toMatch(
      /^the path \/api\/orders\/x+… has a segment over 512/,
    );
  });
});

describe("node's HTTP parser (clientErrorHandler)", () => {
  it('a request line that is not HTTP: 400 BAD_HTTP_REQUEST', async () => {
    const answer = await rawRequest('NOT HTTP AT ALL\r\n\r\n');
    expectErrorShape(answer, 400, 'BAD_HTTP_REQUEST');
    expect(answer.contentType).toBe('application/json; charset=utf-8');
  });

  it.each([
    [
      'a body shorter than its Content-Length',
      'POST /api/orders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{}',
      'the request is not valid HTTP/1.1: the connection ended before the whole request (Content-Length) arrived (HPE_INVALID_EOF_STATE)',
    ],
    [
      'Content-Length and chunked together',
      'POST /api/orders HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      'the request is not valid HTTP/1.1: send Content-Length or Transfer-Encoding: chunked, not both (HPE_INVALID_TRANSFER_ENCODING)',
    ],
  ])('%s: 400 BAD_HTTP_REQUEST saying what', async (_name, bytes, message) => {
    const answer = await rawRequest(bytes);
    expectErrorShape(answer, 400, 'BAD_HTTP_REQUEST');
    expect(answer.body.error.message).toBe(message);
  });

  it('headers over 16 KB (a URL that long too): 431 HEADERS_TOO_LARGE', async () => {
    const answer = await rawRequest(`GET /api/orders/${'x'.repeat(20_000)} HTTP/1.1\r\n\r\n`);
    expectErrorShape(answer, 431, 'HEADERS_TOO_LARGE');
  });

  it('a request that does not arrive in time: 408 REQUEST_TIMEOUT', () => {
    const timeout = Object.assign(new Error('timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' });
    expect(describeClientError(timeout)).toEqual({
      status: 408,
      code: 'REQUEST_TIMEOUT',
      message: 'the request did not arrive in time; send it again',
    });
  });
});

describe('routing, body parsing and validation', () => {
  const json = { 'content-type': 'application/json' };

  it.each([
    ['an unknown path', 'GET', '/api/nothing', undefined, {}, 404, 'NOT_FOUND'],
    ['a wrong method', 'DELETE', '/api/orders', undefined, {}, 405, 'METHOD_NOT_ALLOWED'],
    ['HEAD (no head routes)', 'HEAD', '/health', undefined, {}, 405, 'METHOD_NOT_ALLOWED'],
    [
      'a content type other than JSON',
      'POST',
      '/api/orders',
      'productId=mug',
      { 'content-type': 'application/x-www-form-urlencoded' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a body over 64 KB',
      'POST',
      '/api/orders',
      JSON.stringify({ productId: 'x'.repeat(70_000) }),
      json,
      413,
      'BODY_TOO_LARGE',
    ],
    ['malformed JSON', 'POST', '/api/orders', '{"productId":', json, 400, 'INVALID_JSON'],
    ['an empty JSON body', 'POST', '/api/login', '', json, 400, 'EMPTY_BODY'],
    ['a wrong type', 'POST', '/api/orders', '{"productId":5}', json, 400, 'VALIDATION_FAILED'],
    [
      'an unknown product',
      'POST',
      '/api/orders',
      '{"productId":"x"}',
      json,
      404,
      'PRODUCT_NOT_FOUND',
    ],
  ] as const)('%s', async (_name, method, path, body, headers, status, code) => {
    const answer = await call(backend, method, path, body, headers);
    if (method === 'HEAD') {
      expect(answer.status).toBe(status);
      return;
    }
    expectErrorShape(answer, status, code);
  });

  it('keeps serving after all of it', async () => {
    expect((await call(backend, 'GET', '/health')).body).toEqual({ ok: true });
  });
});
