import type { MockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import {
  call,
  cashier,
  createOrder,
  orderStatus,
  startTestBackend,
  waitForState,
} from './helpers/backend';

const TWO_HOURS_MS = 2 * 60 * 60 * 1000;

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

function pay(params: object, extra: object = {}) {
  return cashier(backend, { api: 'requestPayment', params, action: 'pay', ...extra });
}

describe('requestPayment: what the host delivers', () => {
  it.each(['wechat-v3', 'wechat-v2-md5', 'wechat-v2-hmac'])(
    '%s: pay -> requestPayment:ok, then paid',
    async (profile) => {
      const order = await createOrder(backend, { productId: 'mug', profile });
      expect(await pay(order.params)).toEqual({ errMsg: 'requestPayment:ok' });
      expect(await waitForState(backend, order.orderId)).toBe('paid');
      const view = await orderStatus(backend, order.orderId);
      expect(view).toMatchObject({ tradeState: 'SUCCESS', amount: 3900 });
      expect(view.transactionId).toMatch(/^4200[0-9]{24}$/);
      expect(view.paidAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    },
  );

  it('psp: the host wants package, so params with only pkg are refused; mapped ones pay', async () => {
    const order = await createOrder(backend, { productId: 'sticker', profile: 'psp' });
    expect(await pay(order.params)).toEqual({
      errMsg:
        'requestPayment:fail parameter error: parameter.package should be String instead of Undefined;',
      errno: 702001,
    });
    const { pkg, ...rest } = order.params;
    expect(await pay({ ...rest, package: pkg })).toEqual({ errMsg: 'requestPayment:ok' });
  });

  it('cancel -> requestPayment:fail cancel; the order stays payable', async () => {
    const order = await createOrder(backend, { productId: 'mug' });
    expect(
      await cashier(backend, { api: 'requestPayment', params: order.params, action: 'cancel' }),
    ).toEqual({
      errMsg: 'requestPayment:fail cancel',
    });
    expect((await orderStatus(backend, order.orderId)).state).toBe('pending');
    expect(await pay(order.params)).toEqual({ errMsg: 'requestPayment:ok' });
  });

  it('fail -> a payment failure; a query then finds PAYERROR (failed)', async () => {
    const order = await createOrder(backend, { productId: 'mug' });
    const callback = await cashier(backend, {
      api: 'requestPayment',
      params: order.params,
      action: 'fail',
    });
    expect(callback).toEqual({ errMsg: 'requestPayment:fail 支付失败', errno: 700000 });
    expect(await orderStatus(backend, order.orderId)).toMatchObject({
      state: 'failed',
      tradeState: 'PAYERROR',
    });
  });

  it('refuses a number timeStamp and an empty field with the base library messages', async () => {
    const { params } = await createOrder(backend, { productId: 'mug' });
    expect(await pay({ ...params, timeStamp: Number(params.timeStamp) })).toEqual({
      errMsg:
        'requestPayment:fail parameter error: parameter.timeStamp should be String instead of Number;',
      errno: 702001,
    });
    expect(await pay({ ...params, nonceStr: '' })).toEqual({
      errMsg: 'requestPayment:fail 调用支付JSAPI缺少参数:nonceStr',
      errno: 702001,
    });
  });

  it('refuses a tampered paySign, nonceStr or timeStamp with 支付验证签名失败 / 702002', async () => {
    const { params } = await createOrder(backend, { productId: 'mug' });
    const badSignature = { errMsg: 'requestPayment:fail 支付验证签名失败', errno: 702002 };
    expect(await pay({ ...params, paySign: `${params.paySign.slice(0, -4)}AAA=` })).toEqual(
      badSignature,
    );
    expect(await pay({ ...params, nonceStr: 'TAMPERED' })).toEqual(badSignature);
    expect(await pay({ ...params, timeStamp: String(Number(params.timeStamp) + 1) })).toEqual(
      badSignature,
    );
  });

  it('refuses a v3 prepay_id signed as MD5, and a v2 one signed as RSA', async () => {
    const v3 = await createOrder(backend, { productId: 'mug' });
    const v2 = await createOrder(backend, { productId: 'mug', profile: 'wechat-v2-md5' });
    expect((await pay({ ...v3.params, signType: 'MD5' })).errno).toBe(702002);
    expect((await pay({ ...v2.params, signType: 'RSA' })).errno).toBe(702002);
    expect((await pay({ ...v2.params, signType: 'SHA1' })).errMsg).toBe(
      'requestPayment:fail invalid signType',
    );
  });

  it('refuses an unknown prepay_id and a package that is not prepay_id=...', async () => {
    const { params } = await createOrder(backend, { productId: 'mug' });
    const unknown = { errMsg: 'requestPayment:fail prepay_id 无效', errno: 702001 };
    expect(await pay({ ...params, package: 'prepay_id=wx000' })).toEqual(unknown);
    expect(await pay({ ...params, package: 'Sign=WXPay' })).toEqual(unknown);
  });

  it('refuses an already paid prepay_id', async () => {
    const { params } = await createOrder(backend, { productId: 'mug' });
    await pay(params);
    expect(await pay(params)).toEqual({
      errMsg: 'requestPayment:fail 该订单已支付',
      errno: 702005,
    });
  });

  it('refuses a prepay_id older than 2 hours', async () => {
    const { params, orderId } = await createOrder(backend, { productId: 'mug' });
    clockOffsetMs = TWO_HOURS_MS;
    expect(await pay(params)).toEqual({ errMsg: 'requestPayment:fail 订单已过期', errno: 700000 });
    clockOffsetMs = 0;
    expect((await orderStatus(backend, orderId)).state).toBe('pending');
  });

  it('refuses a payer other than the one the order was made for', async () => {
    const { params } = await createOrder(backend, { productId: 'mug', openid: alice });
    expect((await pay(params, { openid: bob })).errMsg).toBe(
      'requestPayment:fail 下单账号与付款账号不一致',
    );
    expect(await pay(params, { openid: alice })).toEqual({ errMsg: 'requestPayment:ok' });
  });
});
