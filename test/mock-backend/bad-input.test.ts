import type { MockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import { call, startTestBackend } from './helpers/backend';

let backend: MockBackend;

beforeAll(async () => {
  backend = await startTestBackend({ activeQueryAfterMs: 0 });
});

afterAll(async () => {
  await backend.close();
});

function expectError(
  answer: { status: number; body: unknown; text: string },
  status: number,
  code: string,
) {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({ error: { code, message: expect.any(String) } });
  expect(answer.text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
}

describe('bad input answers 4xx with { error: { code, message } }', () => {
  it('malformed JSON', async () => {
    expectError(await call(backend, 'POST', '/api/orders', '{"productId":'), 400, 'INVALID_JSON');
  });

  it('an empty JSON body', async () => {
    expectError(await call(backend, 'POST', '/api/login', ''), 400, 'EMPTY_BODY');
  });

  it('a prototype-poisoning body', async () => {
    expectError(
      await call(backend, 'POST', '/api/orders', '{"productId":"mug","__proto__":{"admin":true}}'),
      400,
      'INVALID_JSON',
    );
  });

  it.each([
    [{ productId: 5 }, 'body/productId must be string'],
    [{ productId: 'mug', quantity: '2' }, 'body/quantity must be integer'],
    [{ productId: 'mug', quantity: 1.5 }, 'body/quantity must be integer'],
    [{ productId: 'mug', quantity: 0 }, 'body/quantity must be >= 1'],
    [
      { productId: 'mug', profile: 'wechat-v4' },
      'body/profile must be equal to one of the allowed values',
    ],
    [{}, "body must have required property 'productId'"],
    [[], 'body must be object'],
    ['"mug"', 'body must be object'],
  ])('wrong types: %j', async (body, message) => {
    const answer = await call(backend, 'POST', '/api/orders', body);
    expectError(answer, 400, 'VALIDATION_FAILED');
    expect(answer.body.error.message).toBe(message);
  });

  it('no body at all', async () => {
    expectError(await call(backend, 'POST', '/api/orders'), 400, 'VALIDATION_FAILED');
  });

  it('an unknown product or order', async () => {
    expectError(
      await call(backend, 'POST', '/api/orders', { productId: 'unicorn' }),
      404,
      'PRODUCT_NOT_FOUND',
    );
    expectError(await call(backend, 'GET', '/api/orders/MP0000'), 404, 'ORDER_NOT_FOUND');
    expectError(
      await call(backend, 'GET', `/api/orders/${'x'.repeat(65)}`),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('a body over 64 KB', async () => {
    const big = JSON.stringify({ productId: 'mug', padding: 'x'.repeat(70_000) });
    expectError(await call(backend, 'POST', '/api/orders', big), 413, 'BODY_TOO_LARGE');
    const bigNotify = await call(backend, 'POST', '/pay/notify', big, {
      'wechatpay-timestamp': '1',
      'wechatpay-nonce': 'n',
      'wechatpay-signature': 's',
      'wechatpay-serial': 's',
    });
    expect(bigNotify.status).toBe(413);
    expect(bigNotify.body.code).toBe('FAIL');
  });

  it('a content type other than JSON', async () => {
    expectError(
      await call(backend, 'POST', '/api/orders', 'productId=mug', {
        'content-type': 'application/x-www-form-urlencoded',
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('a wrong method on a known path: 405 with Allow', async () => {
    const answer = await call(backend, 'DELETE', '/api/orders');
    expectError(answer, 405, 'METHOD_NOT_ALLOWED');
    expect(answer.headers.get('allow')).toBe('POST');
    expectError(await call(backend, 'PUT', '/api/orders/MP1/close'), 405, 'METHOD_NOT_ALLOWED');
    expectError(await call(backend, 'POST', '/health'), 405, 'METHOD_NOT_ALLOWED');
  });

  it('an unknown path: 404', async () => {
    expectError(await call(backend, 'GET', '/api/nothing'), 404, 'NOT_FOUND');
  });

  it('the notification routes answer in their own protocols', async () => {
    const notify = await call(backend, 'POST', '/pay/notify', '{}');
    // No Wechatpay-* headers: the server kit refuses it as a failed verification.
    expect(notify.status).toBe(401);
    expect(notify.body).toEqual({
      code: 'FAIL',
      message: 'the Wechatpay-Timestamp header is missing.',
    });
    const push = await call(backend, 'POST', '/pay/virtual-notify?pay_sig=zz', '{}');
    expect(push.status).toBe(400);
    expect(push.body).toEqual({ ErrCode: -1, ErrMsg: expect.stringContaining('pay_sig') });
  });

  it('keeps serving after all of it', async () => {
    expect((await call(backend, 'GET', '/health')).body).toEqual({ ok: true });
  });
});
