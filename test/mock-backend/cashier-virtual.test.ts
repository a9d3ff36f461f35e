import type { MockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import {
  call,
  cashier,
  createOrder,
  orderStatus,
  startTestBackend,
  waitForState,
} from './helpers/backend';

let backend: MockBackend;
let clockOffsetMs = 0;
let alice: string;
let bob: string;

beforeAll(async () => {
  backend = await startTestBackend({
    activeQueryAfterMs: 0,
    now: () => Date.now() + clockOffsetMs,
  });
  alice = (await call(backend, 'POST', '/api/login', { code: 'alice' })).body.openid;
  bob = (await call(backend, 'POST', '/api/login', { code: 'bob' })).body.openid;
});

afterAll(async () => {
  await backend.close();
});

afterEach(() => {
  clockOffsetMs = 0;
});

function payVirtual(params: object, extra: object = {}) {
  return cashier(backend, { api: 'requestVirtualPayment', params, action: 'pay', ...extra });
}

describe('requestVirtualPayment: what the host delivers', () => {
  it.each([
    ['wechat', 'extra-life'],
    ['tcmpp', 'extra-life'],
    ['wechat', 'coins-60'],
    ['tcmpp', 'coins-300'],
  ])('%s %s: pay -> requestVirtualPayment:ok, then paid', async (profile, productId) => {
    const order = await createOrder(backend, { productId, profile, openid: alice });
    expect(await payVirtual(order.params)).toEqual({ errMsg: 'requestVirtualPayment:ok' });
    expect(await waitForState(backend, order.orderId)).toBe('paid');
    const view = await orderStatus(backend, order.orderId);
    expect(view.transactionId).toMatch(/^4200/);
    expect(view.amount).toBe(order.amount);
  });

  it('accepts either name of the pay signature (paySig or paySign)', async () => {
    const order = await createOrder(backend, { productId: 'extra-life', openid: alice });
    const { paySig, ...rest } = order.params;
    expect(await payVirtual({ ...rest, paySign: paySig })).toEqual({
      errMsg: 'requestVirtualPayment:ok',
    });
  });

  it('cancel -> errCode/errno -2 in the PC form; fail -> -1', async () => {
    const order = await createOrder(backend, { productId: 'extra-life', openid: alice });
    expect(
      await cashier(backend, {
        api: 'requestVirtualPayment',
        params: order.params,
        action: 'cancel',
      }),
    ).toEqual({
      errMsg: 'requestVirtualPayment:fail requestPayment:fail cancel',
      errCode: -2,
      errno: -2,
    });
    expect(
      await cashier(backend, {
        api: 'requestVirtualPayment',
        params: order.params,
        action: 'fail',
      }),
    ).toEqual({
      errMsg: 'requestVirtualPayment:fail',
      errCode: -1,
      errno: -1,
    });
    expect((await orderStatus(backend, order.orderId)).state).toBe('pending');
    expect(await payVirtual(order.params)).toEqual({ errMsg: 'requestVirtualPayment:ok' });
  });

  it('refuses a re-serialised signData (-15006: paySig no longer matches)', async () => {
    const { params } = await createOrder(backend, { productId: 'extra-life', openid: alice });
    const reserialised = JSON.stringify(JSON.parse(params.signData), null, 1);
    expect(await payVirtual({ ...params, signData: reserialised })).toEqual({
      errMsg: 'requestVirtualPayment:fail PAYSIG_INVALID',
      errCode: -15006,
      errno: -15006,
    });
  });

  it('refuses a signature not made with the user session_key (-15005)', async () => {
    const { params } = await createOrder(backend, { productId: 'extra-life', openid: alice });
    expect(await payVirtual({ ...params, signature: '0'.repeat(64) })).toEqual({
      errMsg: 'requestVirtualPayment:fail SIGNATURE_INVALID',
      errCode: -15005,
      errno: -15005,
    });
    expect((await payVirtual(params, { openid: bob })).errCode).toBe(-15005);
  });

  it('refuses a user without a session (-15007)', async () => {
    const { params } = await createOrder(backend, { productId: 'extra-life', openid: alice });
    expect((await payVirtual(params, { openid: 'oNeverLoggedIn' })).errCode).toBe(-15007);
  });

  it('refuses a bad signData (-15016): not JSON, wrong offerId, bad outTradeNo, wrong price', async () => {
    const { params } = await createOrder(backend, { productId: 'extra-life', openid: alice });
    const data = JSON.parse(params.signData);
    const cases = [
      'not json',
      '[]',
      JSON.stringify({ ...data, offerId: 'other' }),
      JSON.stringify({ ...data, outTradeNo: '_starts_with_underscore' }),
      JSON.stringify({ ...data, outTradeNo: 'short' }),
      JSON.stringify({ ...data, goodsPrice: 1 }),
      JSON.stringify({ ...data, productId: 'unknown-item' }),
      JSON.stringify({ ...data, buyQuantity: 0 }),
      JSON.stringify({ ...data, env: 2 }),
    ];
    for (const signData of cases) {
      expect(await payVirtual({ ...params, signData })).toEqual({
        errMsg: 'requestVirtualPayment:fail SIGNDATA_INVALID',
        errCode: -15016,
        errno: -15016,
      });
    }
  });

  it('refuses a reused outTradeNo (-15002) once paid', async () => {
    const { params } = await createOrder(backend, { productId: 'extra-life', openid: alice });
    await payVirtual(params);
    expect(await payVirtual(params)).toEqual({
      errMsg: 'requestVirtualPayment:fail OUT_TRADE_NO_REUSED',
      errCode: -15002,
      errno: -15002,
    });
  });

  it('refuses missing or mistyped parameters and an unknown mode', async () => {
    const { params } = await createOrder(backend, { productId: 'extra-life', openid: alice });
    const { signature: _signature, ...withoutSignature } = params;
    expect(await payVirtual(withoutSignature)).toEqual({
      errMsg:
        'requestVirtualPayment:fail parameter error: parameter.signature should be String instead of Undefined;',
      errCode: 1001,
      errno: 1001,
    });
    expect(
      (await payVirtual({ ...params, signData: JSON.parse(params.signData) })).errMsg,
    ).toContain('parameter.signData should be String instead of Object');
    expect((await payVirtual({ ...params, mode: 'long_series' })).errCode).toBe(1001);
  });
});

describe('POST /sim/cashier: malformed requests', () => {
  it.each([
    [{}],
    [{ api: 'requestPayment', params: {} }],
    [{ api: 'requestPayment', params: 'x', action: 'pay' }],
    [{ api: 'requestRefund', params: {}, action: 'pay' }],
    [{ api: 'requestPayment', params: {}, action: 'maybe' }],
    [{ api: 'requestPayment', params: {}, action: 'pay', notifyDelayMs: -1 }],
    [{ api: 'requestPayment', params: {}, action: 'pay', notifyDelay: 5 }],
  ])('answers 400 for %j', async (body) => {
    const answer = await call(backend, 'POST', '/sim/cashier', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
  });
});
