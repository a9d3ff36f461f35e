// wx.requestVirtualPayment at the simulator's cashier, ported from the mock backend's tests:
// the merchant signs with the kit's signVirtualPayment (its AppKey, the user's session_key from
// jscode2session), the cashier checks what WeChat checks and answers the mock's callbacks.
import { signVirtualPayment } from 'miniprogram-pay/server';
import type { Simulator } from '../../simulator/src/server';
import {
  cashierOf,
  GOODS,
  getJson,
  hmac,
  login,
  OFFER_ID,
  registerFamilyMerchant,
  VIRTUAL_KEYS,
} from './helpers/family';
import { newOutTradeNo } from './helpers/flow';
import { post, startTestSimulator } from './helpers/simulator';

let simulator: Simulator;
let alice: { openid: string; session_key: string };
let bob: { openid: string; session_key: string };
beforeAll(async () => {
  simulator = await startTestSimulator();
  await registerFamilyMerchant(simulator, { mchid: '1900000701' });
  alice = await login(simulator, 'alice');
  bob = await login(simulator, 'bob');
});
afterAll(async () => {
  await simulator.close();
});

type Mode = 'short_series_goods' | 'short_series_coin';

/** What the merchant's server hands the mini program for an order. */
function params(
  options: { mode?: Mode; env?: 0 | 1; user?: typeof alice; data?: object } = {},
): Record<string, unknown> {
  const mode = options.mode ?? 'short_series_goods';
  const env = options.env ?? 0;
  const item = mode === 'short_series_goods' ? { productId: 'sword-skin', goodsPrice: 600 } : {};
  const signData = {
    offerId: OFFER_ID,
    buyQuantity: mode === 'short_series_goods' ? 1 : 60,
    env,
    currencyType: 'CNY',
    ...item,
    outTradeNo: newOutTradeNo('VP'),
    attach: 'order-attach',
    ...options.data,
  };
  const appKey = env === 0 ? VIRTUAL_KEYS.production : VIRTUAL_KEYS.sandbox;
  const sessionKey = (options.user ?? alice).session_key;
  return { ...signVirtualPayment({ mode, signData, appKey, sessionKey }) };
}

function pay(body: unknown, extra: Record<string, unknown> = {}) {
  return cashierOf(simulator, { api: 'requestVirtualPayment', params: body, ...extra });
}

async function virtualOrder(signData: unknown) {
  const { outTradeNo } = JSON.parse(String(signData));
  const { body } = await getJson(simulator, '/sim/virtual-orders');
  return (body.orders as { outTradeNo: string }[]).find((order) => order.outTradeNo === outTradeNo);
}

describe('requestVirtualPayment: what the host delivers', () => {
  it.each<[Mode, 0 | 1, number]>([
    ['short_series_goods', 0, GOODS[0]?.price ?? 0],
    ['short_series_coin', 0, 60 * 10],
    ['short_series_goods', 1, GOODS[0]?.price ?? 0],
  ])(
    '%s in env %i: pay -> requestVirtualPayment:ok; the order is paid',
    async (mode, env, total) => {
      const body = params({ mode, env });
      expect(await pay(body)).toEqual({ errMsg: 'requestVirtualPayment:ok' });
      expect(await virtualOrder(body.signData)).toMatchObject({
        status: 2,
        openid: alice.openid,
        mode,
        env,
        total,
        transactionId: expect.stringMatching(/^42000\d{23}$/),
        lastCashier: { action: 'pay', errMsg: 'requestVirtualPayment:ok' },
      });
    },
  );

  it("takes TCMPP's table too: the pay signature named paySign, buyQuantity as digits", async () => {
    const { paySig, ...rest } = params({ mode: 'short_series_coin', data: { buyQuantity: '60' } });
    expect(await pay({ ...rest, paySign: paySig })).toEqual({ errMsg: 'requestVirtualPayment:ok' });
  });

  it('without openid, the user is the one whose session_key signed', async () => {
    const body = params({ user: bob });
    expect(await pay(body)).toEqual({ errMsg: 'requestVirtualPayment:ok' });
    expect(await virtualOrder(body.signData)).toMatchObject({ openid: bob.openid });
  });

  it('cancel -> errCode/errno -2; fail -> -1; the order can still be paid', async () => {
    const body = params();
    expect(await pay(body, { action: 'cancel' })).toEqual({
      errMsg: 'requestVirtualPayment:fail requestPayment:fail cancel',
      errCode: -2,
      errno: -2,
    });
    expect(await pay(body, { action: 'fail' })).toEqual({
      errMsg: 'requestVirtualPayment:fail',
      errCode: -1,
      errno: -1,
    });
    expect(await virtualOrder(body.signData)).toMatchObject({ status: 1 });
    expect(await pay(body)).toEqual({ errMsg: 'requestVirtualPayment:ok' });
  });
});

describe('requestVirtualPayment: refusals', () => {
  it('refuses a re-serialised signData and a key of the other env (-15006)', async () => {
    const body = params();
    const reserialised = JSON.stringify(JSON.parse(String(body.signData)), null, 1);
    const paySigInvalid = {
      errMsg: 'requestVirtualPayment:fail PAYSIG_INVALID',
      errCode: -15006,
      errno: -15006,
    };
    expect(await pay({ ...body, signData: reserialised })).toEqual(paySigInvalid);
    const sandboxSig = hmac(VIRTUAL_KEYS.sandbox, `requestVirtualPayment&${body.signData}`);
    expect(await pay({ ...body, paySig: sandboxSig })).toEqual(paySigInvalid);
  });

  it('refuses a signature not made with the paying user session_key (-15005)', async () => {
    const body = params();
    expect(await pay({ ...body, signature: '0'.repeat(64) })).toEqual({
      errMsg: 'requestVirtualPayment:fail SIGNATURE_INVALID',
      errCode: -15005,
      errno: -15005,
    });
    expect((await pay(body, { openid: bob.openid })).errCode).toBe(-15005);
  });

  it('refuses a user without a session (-15007)', async () => {
    expect((await pay(params(), { openid: 'oNeverLoggedIn000000000000000' })).errCode).toBe(-15007);
  });

  it('refuses a bad signData (-15016)', async () => {
    const body = params();
    const data = JSON.parse(String(body.signData));
    const cases = [
      'not json',
      '[]',
      JSON.stringify({ ...data, offerId: '1450000999' }),
      JSON.stringify({ ...data, outTradeNo: '_starts_with_underscore' }),
      JSON.stringify({ ...data, outTradeNo: 'short' }),
      JSON.stringify({ ...data, goodsPrice: 1 }),
      JSON.stringify({ ...data, productId: 'unknown-item' }),
      JSON.stringify({ ...data, buyQuantity: 0 }),
      JSON.stringify({ ...data, env: 2 }),
      JSON.stringify({ ...data, currencyType: 'yuan' }),
    ];
    for (const signData of cases) {
      expect(await pay({ ...body, signData })).toEqual({
        errMsg: 'requestVirtualPayment:fail SIGNDATA_INVALID',
        errCode: -15016,
        errno: -15016,
      });
    }
    expect((await pay(body, { appId: 'wx0000000000000000' })).errCode).toBe(-15016);
  });

  it('refuses a reused outTradeNo (-15002): once paid, or opened for another user', async () => {
    const body = params();
    await pay(body);
    expect(await pay(body)).toEqual({
      errMsg: 'requestVirtualPayment:fail OUT_TRADE_NO_REUSED',
      errCode: -15002,
      errno: -15002,
    });
    const opened = params();
    await pay(opened, { action: 'fail' });
    const outTradeNo = JSON.parse(String(opened.signData)).outTradeNo;
    const bobs = params({ user: bob, data: { outTradeNo } });
    expect((await pay(bobs, { openid: bob.openid })).errCode).toBe(-15002);
  });

  it('refuses missing or mistyped parameters and an unknown mode (1001)', async () => {
    const { signature: _signature, ...withoutSignature } = params();
    expect(await pay(withoutSignature)).toEqual({
      errMsg:
        'requestVirtualPayment:fail parameter error: parameter.signature should be String instead of Undefined;',
      errCode: 1001,
      errno: 1001,
    });
    const body = params();
    expect((await pay({ ...body, signData: JSON.parse(String(body.signData)) })).errMsg).toContain(
      'parameter.signData should be String instead of Object',
    );
    expect((await pay({ ...body, mode: 'long_series' })).errCode).toBe(1001);
  });
});

describe('POST /sim/cashier', () => {
  it('names the host APIs it plays when asked for another', async () => {
    const answer = await post(simulator, '/sim/cashier', {
      api: 'requestRefund',
      params: {},
      action: 'pay',
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'PARAM_ERROR',
      message: expect.stringContaining(
        'requestVirtualPayment, requestOrderPayment, requestCommonPayment, requestPluginPayment',
      ),
    });
  });
});
