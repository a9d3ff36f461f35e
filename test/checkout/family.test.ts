import { createCheckout, type OrderKind, type PreparedOrder, toOrderState } from 'miniprogram-pay';
import { describeResult } from 'miniprogram-pay/messages';
import { createFakeBackend, createFakeHost } from 'miniprogram-pay/testing';
import { settle } from './helpers';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const b2bSignData =
  '{"mchid":"1230000109","out_trade_no":"b2b-order-0001","description":"tea","amount":{"order_amount":6800},"env":0}';

/** A prepared order of each kind, as a backend answers `createOrder`. */
const ORDERS: { [kind in OrderKind]: PreparedOrder & { kind: kind } } = {
  payment: {
    orderId: 'o-payment',
    kind: 'payment',
    params: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=1', paySign: 's' },
  },
  virtual: {
    orderId: 'o-virtual',
    kind: 'virtual',
    params: {
      mode: 'short_series_coin',
      signData:
        '{"offerId":"1","buyQuantity":1,"currencyType":"CNY","outTradeNo":"abcdefgh","attach":""}',
      paySig: 'p',
      signature: 's',
    },
  },
  order: {
    orderId: 'o-order',
    kind: 'order',
    params: {
      timeStamp: '1',
      nonceStr: 'n',
      package: 'prepay_id=2',
      paySign: 's',
      orderInfo: { order_id: 'x' },
    },
  },
  common: {
    orderId: 'o-common',
    kind: 'common',
    params: { mode: 'retail_pay_goods', signData: b2bSignData, paySig: 'p', signature: 's' },
  },
  plugin: {
    orderId: 'o-plugin',
    kind: 'plugin',
    params: { version: 'release', fee: 100, paymentArgs: { id: 1 } },
  },
  transfer: {
    orderId: 'o-transfer',
    kind: 'transfer',
    params: { mchId: 'm', appId: 'wxapp', package: 'pkg-info', openId: 'oUser' },
  },
};

const API_OF: { [kind in OrderKind]: string } = {
  payment: 'requestPayment',
  virtual: 'requestVirtualPayment',
  order: 'requestOrderPayment',
  common: 'requestCommonPayment',
  plugin: 'requestPluginPayment',
  transfer: 'requestMerchantTransfer',
};

describe('The flow: order.kind picks the host API, and every kind is confirmed the same way', () => {
  test.each(Object.keys(ORDERS) as OrderKind[])(
    'a %s order opens its API and is paid only when the backend says so',
    async (kind) => {
      const host = createFakeHost();
      const backend = createFakeBackend({ order: ORDERS[kind], pendingMs: 1000 });
      const result = await settle(createCheckout({ backend, host }).pay({}));
      expect(result).toMatchObject({ status: 'paid', orderId: ORDERS[kind].orderId, kind });
      expect(host.calls.map((call) => call.api)).toEqual([API_OF[kind]]);
      expect(backend.queries.at(-1)?.answered).toBe('paid');
    },
  );

  test('a transfer the user did not confirm stays pending at the backend: cancelled, one query', async () => {
    const host = createFakeHost({ cashier: 'cancel' });
    const backend = createFakeBackend({ order: ORDERS.transfer, state: 'pending' });
    const result = await settle(createCheckout({ backend, host }).pay({}));
    expect(result).toMatchObject({ status: 'cancelled', kind: 'transfer' });
    expect(backend.queries).toHaveLength(1);
    expect(describeResult(result).title).toBe('未确认收款');
  });

  test('a transfer is "received", not "paid", in both locales', async () => {
    const result = await settle(
      createCheckout({
        backend: createFakeBackend({ order: ORDERS.transfer }),
        host: createFakeHost(),
      }).pay({}),
    );
    expect(describeResult(result)).toEqual({
      title: '已到账',
      detail: '转账已到账，请在微信零钱中查看。',
    });
    expect(describeResult(result, 'en').title).toBe('Received');
  });

  test('a checkout refuses an order of an unknown kind before any host API', async () => {
    const host = createFakeHost();
    const backend = createFakeBackend({
      order: { orderId: 'o', kind: 'alipay', params: {} } as never,
    });
    expect(await settle(createCheckout({ backend, host }).pay({}))).toMatchObject({
      code: 'create_order_failed',
      detail: expect.stringContaining(
        'not one of payment, virtual, order, common, plugin, transfer',
      ),
    });
    expect(host.sheetsOpened).toBe(0);
  });
});

describe('Wiring httpBackend: toOrderState maps merchant transfer bills and B2b orders', () => {
  test.each([
    ['ACCEPTED', 'pending'],
    ['PROCESSING', 'pending'],
    ['WAIT_USER_CONFIRM', 'pending'],
    ['TRANSFERING', 'pending'],
    ['CANCELING', 'pending'],
    ['SUCCESS', 'paid'],
    ['FAIL', 'failed'],
    ['CANCELLED', 'closed'],
    ['ORDER_INIT', 'pending'],
    ['ORDER_PRE_PAY', 'pending'],
    ['ORDER_PAY_SUCC', 'paid'],
    ['ORDER_CLOSE', 'closed'],
    ['ORDER_REFUND_PROCESSING', 'refunded'],
    ['ORDER_REFUND', 'refunded'],
  ] as const)('%s is %s', (platformState, state) => {
    expect(toOrderState(platformState)).toBe(state);
  });
});
