// Refusals as WeChat Pay answers them: its statuses and codes, `{ code, message }` naming what
// is wrong, a Request-ID on each, never fastify's shape, never a 5xx for bad input.
import { Wechatpay } from 'wechatpay-axios-plugin';
import type { Simulator } from '../../simulator/src/server';
import { createOrder, jsapiOrder, newOutTradeNo } from './helpers/flow';
import { merchantKeys } from './helpers/keys';
import { rawRequest } from './helpers/raw';
import { refusal } from './helpers/refusal';
import {
  MERCHANT_SERIAL,
  registerMerchant,
  startTestSimulator,
  type TestMerchant,
} from './helpers/simulator';

let simulator: Simulator;
let merchant: TestMerchant;
const NOTIFY_URL = 'http://127.0.0.1:9/pay/notify';
beforeAll(async () => {
  simulator = await startTestSimulator();
  merchant = await registerMerchant(simulator, { mchid: '1900000301' });
});
afterAll(() => simulator.close());

const post = (path: string, body: unknown) => merchant.wxpay.chain(path).post(body);

function expectWeChatShape(body: Record<string, unknown> | undefined, code: string): void {
  expect(body?.code).toBe(code);
  expect(typeof body?.message).toBe('string');
  expect(body).not.toHaveProperty('statusCode');
  expect(body).not.toHaveProperty('error');
}

describe('401 SIGN_ERROR', () => {
  it('refuses a request the SDK signed with another key, and journals why', async () => {
    const impostor = new Wechatpay({
      mchid: merchant.mchid,
      serial: MERCHANT_SERIAL,
      privateKey: merchantKeys(1).privateKeyPem,
      certs: { [merchant.registered.publicKey.id]: merchant.registered.publicKey.pem },
      baseURL: `${simulator.url}/`,
    });
    const { status, data } = await refusal(impostor.chain('v3/certificates').get());
    expect(status).toBe(401);
    expectWeChatShape(data, 'SIGN_ERROR');
    expect(data.message).toMatch(/does not verify with merchant 1900000301's public key/);
    const answer = await rawRequest(simulator, {
      mchid: merchant.mchid,
      keyIndex: 1,
      method: 'GET',
      path: '/v3/certificates',
    });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('request-id')).toMatch(/^[0-9A-F]{40}-0$/);
    expect(answer.headers.get('wechatpay-signature')).toBeNull();
    const journal = (await (await fetch(`${simulator.url}/sim/requests?limit=1`)).json()) as {
      requests: { verdict: unknown; status: number; requestId: string }[];
    };
    expect(journal.requests[0]).toMatchObject({
      requestId: answer.headers.get('request-id'),
      status: 401,
      verdict: { verified: false, reason: answer.json?.message },
    });
  });

  it.each([
    ['no Authorization', { authorization: '' }, /missing/],
    ['another scheme', { authorization: 'Bearer abc' }, /scheme must be WECHATPAY2-SHA256-RSA2048/],
    [
      'a missing parameter',
      { authorization: 'WECHATPAY2-SHA256-RSA2048 mchid="1900000301",nonce_str="x"' },
      /lacks signature, timestamp, serial_no/,
    ],
    [
      'a timestamp 301 s off',
      { timestamp: Math.floor(Date.now() / 1000) - 301 },
      /WeChat Pay allows 300 s/,
    ],
    ['an unregistered merchant', { mchid: '1999999999' }, /not registered/],
  ])('refuses %s', async (_name, change, message) => {
    const answer = await rawRequest(simulator, {
      mchid: '1900000301',
      method: 'GET',
      path: '/v3/certificates',
      ...change,
    });
    expect(answer.status).toBe(401);
    expectWeChatShape(answer.json, 'SIGN_ERROR');
    expect(answer.json?.message).toMatch(message);
  });

  it('accepts a timestamp within 300 s', async () => {
    const answer = await rawRequest(simulator, {
      mchid: '1900000301',
      method: 'GET',
      path: '/v3/certificates',
      timestamp: Math.floor(Date.now() / 1000) - 299,
    });
    expect(answer.status).toBe(200);
  });
});

describe('400 PARAM_ERROR naming the field', () => {
  it.each([
    [
      'amount.total',
      (body: Record<string, unknown>) => ({ ...body, amount: { total: 0, currency: 'CNY' } }),
    ],
    ['payer.openid', (body: Record<string, unknown>) => ({ ...body, payer: {} })],
    ['description', (body: Record<string, unknown>) => ({ ...body, description: undefined })],
    ['out_trade_no', (body: Record<string, unknown>) => ({ ...body, out_trade_no: 'a b' })],
    [
      'notify_url',
      (body: Record<string, unknown>) => ({ ...body, notify_url: 'http://example.com/notify?x=1' }),
    ],
  ])('%s', async (field, change) => {
    const body = change(jsapiOrder(merchant.mchid, newOutTradeNo(), NOTIFY_URL));
    const { status, data } = await refusal(post('v3/pay/transactions/jsapi', body));
    expect(status).toBe(400);
    expectWeChatShape(data, 'PARAM_ERROR');
    expect(data.message).toContain(field);
    expect(data.detail).toMatchObject({ location: 'body', field });
  });

  it('refuses a body mchid other than the signer', async () => {
    const body = jsapiOrder('1900000999', newOutTradeNo(), NOTIFY_URL);
    const { status, data } = await refusal(post('v3/pay/transactions/jsapi', body));
    expect(status).toBe(400);
    expectWeChatShape(data, 'PARAM_ERROR');
    expect(data.message).toMatch(/not the mchid of the Authorization header \(1900000301\)/);
  });

  it('refuses a query without ?mchid=', async () => {
    const { status, data } = await refusal(
      merchant.wxpay.chain('v3/pay/transactions/out-trade-no/NOPE12345').get(),
    );
    expect(status).toBe(400);
    expect(data.message).toBe('mchid is required.');
  });
});

describe('business refusals', () => {
  it('400 APPID_MCHID_NOT_MATCH for an appid the merchant has not bound', async () => {
    const body = {
      ...jsapiOrder(merchant.mchid, newOutTradeNo(), NOTIFY_URL),
      appid: 'wx0000000000000000',
    };
    const { status, data } = await refusal(post('v3/pay/transactions/jsapi', body));
    expect(status).toBe(400);
    expectWeChatShape(data, 'APPID_MCHID_NOT_MATCH');
  });

  it('403 OUT_TRADE_NO_USED for an out_trade_no used with other parameters', async () => {
    const outTradeNo = newOutTradeNo();
    await createOrder(merchant, outTradeNo, NOTIFY_URL, 100);
    const { status, data } = await refusal(
      post('v3/pay/transactions/jsapi', jsapiOrder(merchant.mchid, outTradeNo, NOTIFY_URL, 101)),
    );
    expect(status).toBe(403);
    expectWeChatShape(data, 'OUT_TRADE_NO_USED');
  });

  it('404 ORDER_NOT_EXIST for an unknown order; 404 RESOURCE_NOT_EXISTS for an unknown refund', async () => {
    const order = await refusal(
      merchant.wxpay
        .chain('v3/pay/transactions/out-trade-no/NOPE12345')
        .get({ params: { mchid: merchant.mchid } }),
    );
    expect(order.status).toBe(404);
    expectWeChatShape(order.data, 'ORDER_NOT_EXIST');
    const refund = await refusal(
      merchant.wxpay.chain('v3/refund/domestic/refunds/NOPE12345').get(),
    );
    expect(refund.status).toBe(404);
    expectWeChatShape(refund.data, 'RESOURCE_NOT_EXISTS');
  });

  it('400 INVALID_REQUEST for a refund of an unpaid order', async () => {
    const outTradeNo = newOutTradeNo();
    await createOrder(merchant, outTradeNo, NOTIFY_URL);
    const body = {
      out_trade_no: outTradeNo,
      out_refund_no: `R${outTradeNo}`,
      amount: { refund: 1, total: 100, currency: 'CNY' },
    };
    const { status, data } = await refusal(post('v3/refund/domestic/refunds', body));
    expect(status).toBe(400);
    expectWeChatShape(data, 'INVALID_REQUEST');
    expect(data.message).toMatch(/not paid/);
  });
});

describe('malformed requests get WeChat-shaped 4xx', () => {
  const path = '/v3/pay/transactions/jsapi';
  it.each([
    ['malformed JSON', { body: '{"appid":', contentType: 'application/json' }, 400, 'PARAM_ERROR'],
    ['a JSON array', { body: '[]', contentType: 'application/json' }, 400, 'PARAM_ERROR'],
    [
      'another content type',
      { body: 'appid=wx', contentType: 'application/x-www-form-urlencoded' },
      400,
      'INVALID_REQUEST',
    ],
    ['an empty body', { body: '' }, 400, 'PARAM_ERROR'],
    [
      'a huge body',
      { body: JSON.stringify({ description: 'x'.repeat(300_000) }) },
      400,
      'INVALID_REQUEST',
    ],
  ])('%s', async (_name, request, status, code) => {
    const answer = await rawRequest(simulator, {
      mchid: merchant.mchid,
      method: 'POST',
      path,
      ...request,
    });
    expect(answer.status).toBe(status);
    expectWeChatShape(answer.json, code);
    expect(answer.headers.get('request-id')).toBeTruthy();
  });

  it.each([
    ['an unknown route', '/v3/nothing/here', 'GET', 404, 'NOT_FOUND'],
    [
      'a known path with another method',
      '/v3/pay/transactions/jsapi',
      'GET',
      400,
      'INVALID_REQUEST',
    ],
    [
      'a bad percent-encoding',
      '/v3/pay/transactions/out-trade-no/%E0%A4%A',
      'GET',
      400,
      'INVALID_REQUEST',
    ],
    [
      'an over-long path segment',
      `/v3/refund/domestic/refunds/${'R'.repeat(300)}`,
      'GET',
      400,
      'INVALID_REQUEST',
    ],
  ])('%s', async (_name, path, method, status, code) => {
    const response = await fetch(`${simulator.url}${path}`, { method });
    expect(response.status).toBe(status);
    expectWeChatShape((await response.json()) as Record<string, unknown>, code);
    expect(response.headers.get('request-id')).toBeTruthy();
  });

  it('a malformed registration names the field', async () => {
    const response = await fetch(`${simulator.url}/sim/merchants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        mchid: '1900000303',
        appids: [],
        merchantSerial: 'AB',
        merchantPublicKey: 'x',
        apiV3Key: 'short',
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Record<string, unknown>;
    expectWeChatShape(body, 'PARAM_ERROR');
    expect(body.message).toMatch(/^merchantPublicKey is not a PEM/);
  });
});
