// Bad input, at every layer (node's HTTP parser, the router, the body parsers, the schemas,
// the routes): 4xx { error: { code, message } }, or the notification sender's own protocol;
// never a crash, never a stack trace.
import * as net from 'node:net';
import fc from 'fast-check';
import type { MerchantServer } from '../../demo-miniprogram/merchant-server/src/server';
import type { Simulator } from '../../simulator/src/server';
import { call, createOrder, startTestMerchant, startTestSimulator } from './helpers/servers';

let simulator: Simulator;
let merchant: MerchantServer;

beforeAll(async () => {
  simulator = await startTestSimulator();
  merchant = await startTestMerchant(simulator);
});

afterAll(async () => {
  await merchant.close();
  await simulator.close();
});

function expectError(
  answer: { status: number; body: unknown; text: string },
  status: number,
  code: string,
) {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({ error: { code, message: expect.any(String) } });
  expect(answer.text).not.toMatch(/FST_ERR|\n\s+at |node_modules|\.ts:\d+/);
}

/** Writes bytes on a fresh connection and reads the whole answer (the server closes it). */
function rawRequest(bytes: string): Promise<{ status: number; body: unknown; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(new URL(merchant.url).port), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', text = ''] = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]),
        body: JSON.parse(text),
        text,
      });
    });
    socket.end(bytes);
  });
}

describe("node's HTTP parser and the router", () => {
  it('a request line that is not HTTP: 400 BAD_HTTP_REQUEST; headers over 16 KB: 431', async () => {
    expectError(await rawRequest('NOT HTTP AT ALL\r\n\r\n'), 400, 'BAD_HTTP_REQUEST');
    const long = await rawRequest(`GET /api/orders/${'x'.repeat(20_000)} HTTP/1.1\r\n\r\n`);
    expectError(long, 431, 'HEADERS_TOO_LARGE');
  });

  it('bad percent-encoding: 400 BAD_URL naming the path; a segment over 512: 414', async () => {
    const answer = await call(merchant, 'GET', '/api/orders/%zz');
    expectError(answer, 400, 'BAD_URL');
    expect(answer.body.error.message).toBe(
      'the path /api/orders/%zz is not valid percent-encoding (a bad %-escape, an overlong UTF-8 sequence or a lone surrogate)',
    );
    expectError(await call(merchant, 'GET', `/api/orders/${'x'.repeat(513)}`), 414, 'URI_TOO_LONG');
  });

  it('an unknown path: 404; a wrong method: 405 with Allow', async () => {
    expectError(await call(merchant, 'GET', '/api/nothing'), 404, 'NOT_FOUND');
    const wrong = await call(merchant, 'DELETE', '/api/orders');
    expectError(wrong, 405, 'METHOD_NOT_ALLOWED');
    expect(wrong.headers.get('allow')).toBe('POST');
    expectError(await call(merchant, 'POST', '/health'), 405, 'METHOD_NOT_ALLOWED');
  });
});

describe('bodies and schemas', () => {
  it.each([
    ['malformed JSON', '{"productId":', 400, 'INVALID_JSON'],
    [
      'a prototype-poisoning body',
      '{"productId":"mug","__proto__":{"admin":true}}',
      400,
      'INVALID_JSON',
    ],
    ['a body over 64 KB', JSON.stringify({ productId: 'x'.repeat(70_000) }), 413, 'BODY_TOO_LARGE'],
  ] as const)('%s', async (_name, body, status, code) => {
    expectError(await call(merchant, 'POST', '/api/orders', body), status, code);
  });

  it('an empty JSON body, another content type', async () => {
    expectError(await call(merchant, 'POST', '/api/login', ''), 400, 'EMPTY_BODY');
    const form = await call(merchant, 'POST', '/api/orders', 'productId=mug', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expectError(form, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it.each([
    [{ productId: 5 }, 'body/productId must be string'],
    [{ productId: 'mug', quantity: '2' }, 'body/quantity must be integer'],
    [{ productId: 'mug', quantity: 0 }, 'body/quantity must be >= 1'],
    [
      { productId: 'mug', profile: 'wechat-v4' },
      'body/profile must be equal to one of the allowed values',
    ],
    [{}, "body must have required property 'productId'"],
    ['"mug"', 'body must be object'],
  ])('wrong types are refused, not coerced: %j', async (body, message) => {
    const answer = await call(merchant, 'POST', '/api/orders', body);
    expectError(answer, 400, 'VALIDATION_FAILED');
    expect(answer.body.error.message).toBe(message);
  });

  it('a waitMs that is not a plain number, an order id over 64 characters', async () => {
    for (const waitMs of ['-1', 'abc', '1e3', '9999999999']) {
      expectError(
        await call(merchant, 'GET', `/api/orders/MPx?waitMs=${waitMs}`),
        400,
        'VALIDATION_FAILED',
      );
    }
    expectError(
      await call(merchant, 'GET', `/api/orders/${'x'.repeat(65)}`),
      400,
      'VALIDATION_FAILED',
    );
  });
});

describe('the notification routes answer in their senders’ protocols', () => {
  it('/pay/notify and /pay/transfer-notify: { code: FAIL, message }, 401 unverified, 413 too large', async () => {
    for (const path of ['/pay/notify', '/pay/transfer-notify']) {
      const answer = await call(merchant, 'POST', path, '{}');
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({
        code: 'FAIL',
        message: 'the Wechatpay-Timestamp header is missing.',
      });
    }
    const big = await call(merchant, 'POST', '/pay/notify', 'x'.repeat(70_000));
    expect([big.status, big.body.code]).toEqual([413, 'FAIL']);
  });

  it('/pay/virtual-notify: { ErrCode: -1, ErrMsg }; /pay/b2b-notify: { error }; /pay/v2-notify: XML FAIL', async () => {
    const push = await call(merchant, 'POST', '/pay/virtual-notify?pay_sig=zz', '{}');
    expect(push.status).toBe(400);
    expect(push.body).toEqual({ ErrCode: -1, ErrMsg: expect.stringContaining('pay_sig') });
    const unsigned = await call(
      merchant,
      'POST',
      `/pay/virtual-notify?pay_sig=${'0'.repeat(64)}`,
      '{"Env":0}',
    );
    expect([unsigned.status, unsigned.body.ErrMsg]).toEqual([401, 'pay_sig does not verify']);
    const b2b = await call(merchant, 'POST', '/pay/b2b-notify', '{}');
    expectError(b2b, 400, 'VALIDATION_FAILED');
    const query = `signature=${'0'.repeat(40)}&timestamp=1&nonce=n`;
    expectError(
      await call(merchant, 'POST', `/pay/b2b-notify?${query}`, '{}'),
      401,
      'BAD_SIGNATURE',
    );
    const v2 = await call(merchant, 'POST', '/pay/v2-notify', 'not xml');
    expect(v2.status).toBe(400);
    expect(v2.text).toMatch(/^<xml><return_code><!\[CDATA\[FAIL\]\]><\/return_code><return_msg>/);
  });
});

it('a few hundred random requests: every answer is a 2xx or a 4xx in its shape, and it keeps serving', async () => {
  const order = await createOrder(merchant, { productId: 'mug' });
  const paths = [
    '/api/orders',
    `/api/orders/${order.orderId}/close`,
    '/pay/notify',
    '/pay/v2-notify',
    `/pay/virtual-notify?pay_sig=${'a'.repeat(64)}`,
  ];
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...paths),
      fc.oneof(
        fc.jsonValue().map((value) => JSON.stringify(value)),
        fc.string(),
      ),
      async (path, body) => {
        const answer = await call(merchant, 'POST', path, body, {
          'content-type': 'application/json',
        });
        expect(answer.status).toBeLessThan(500);
        expect(answer.text).not.toMatch(/\n\s+at |node_modules/);
      },
    ),
    { numRuns: 300 },
  );
  expect((await call(merchant, 'GET', '/health')).body).toEqual({ ok: true });
});
