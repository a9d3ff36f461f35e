// A payment's whole chain over HTTP: the simulator's cashier pays, its signed and encrypted
// notification reaches /pay/notify (verified by the kit), the status route answers (long-poll,
// the kit's active query), a refund comes back as WeChat's refund notification.
import type { MerchantServer } from '../../demo-miniprogram/merchant-server/src/server';
import type { Simulator } from '../../simulator/src/server';
import {
  call,
  cashier,
  createOrder,
  eventually,
  notificationsAbout,
  orderStatus,
  requestsAbout,
  sendAgain,
  startTestMerchant,
  startTestSimulator,
} from './helpers/servers';

let simulator: Simulator;

beforeAll(async () => {
  simulator = await startTestSimulator();
});

afterAll(async () => {
  await simulator.close();
});

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

/** The queries of the order the merchant made to WeChat Pay. */
const queriesOf = async (orderId: string) =>
  (await requestsAbout(simulator, orderId)).filter((r) => r.method === 'GET').length;

describe('notifications only (activeQueryAfterMs -1)', () => {
  let merchant: MerchantServer;

  beforeAll(async () => {
    merchant = await startTestMerchant(simulator, { activeQueryAfterMs: -1 });
  });

  afterAll(async () => {
    await merchant.close();
  });

  it('holds the status until the notification arrives, then answers paid', async () => {
    const order = await createOrder(merchant, { productId: 'mug' });
    await cashier(simulator, order.params, { notifyDelayMs: 150 });
    const { value, ms } = await timed(() => orderStatus(merchant, order.orderId, 5000));
    expect(value).toEqual({
      orderId: order.orderId,
      state: 'paid',
      tradeState: 'SUCCESS',
      amount: 3900,
      paidAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/),
      transactionId: expect.stringMatching(/^42000/),
    });
    expect(ms).toBeGreaterThanOrEqual(100);
    expect(ms).toBeLessThan(3000);
    const [notification] = await notificationsAbout(simulator, order.orderId);
    expect(notification).toMatchObject({ eventType: 'TRANSACTION.SUCCESS', state: 'delivered' });
    expect(notification?.attempts.map((attempt) => attempt.status)).toEqual([204]);
    expect(await queriesOf(order.orderId)).toBe(0);
  });

  it('answers pending when the wait ends first, and never queries: a dropped notification stays unknown', async () => {
    const order = await createOrder(merchant, { productId: 'mug' });
    await cashier(simulator, order.params, { dropNotify: true });
    const { value, ms } = await timed(() => orderStatus(merchant, order.orderId, 150));
    expect(value.state).toBe('pending');
    expect(ms).toBeGreaterThanOrEqual(140);
    expect(await queriesOf(order.orderId)).toBe(0);
  });

  it('a duplicate notification is acknowledged and changes nothing (paid once)', async () => {
    const order = await createOrder(merchant, { productId: 'mug' });
    await cashier(simulator, order.params, { notifyDelayMs: 0 });
    const paid = await orderStatus(merchant, order.orderId, 3000);
    expect(paid.state).toBe('paid');
    const [notification] = await notificationsAbout(simulator, order.orderId);
    expect((await sendAgain(merchant, notification?.body ?? '')).status).toBe(204);
    expect(await orderStatus(merchant, order.orderId)).toEqual(paid);
  });

  it('refuses a notification whose signature is a probe, 401, as it must', async () => {
    const answer = await call(simulator, 'POST', '/sim/notifications/probe', {
      mchid: merchant.config.mchId,
      url: `${merchant.url}/pay/notify`,
    });
    expect(answer.body).toMatchObject({ refused: true, status: 401 });
    const direct = await call(merchant, 'POST', '/pay/notify', '{}', {
      'wechatpay-timestamp': String(Math.floor(Date.now() / 1000)),
      'wechatpay-nonce': 'n',
      'wechatpay-signature': 'WECHATPAY/SIGNTEST/abc=',
      'wechatpay-serial': merchant.platformKeys.publicKey.id,
    });
    expect(direct.status).toBe(401);
    expect(direct.body.message).toContain("WeChat Pay's signature probe");
  });
});

describe('the active query, at the first status request (activeQueryAfterMs 0, the default)', () => {
  let merchant: MerchantServer;

  beforeAll(async () => {
    // An interval longer than any test: each order is queried once at most.
    merchant = await startTestMerchant(simulator, { activeQueryIntervalMs: 60_000 });
  });

  afterAll(async () => {
    await merchant.close();
  });

  it.each([0, 10_000])(
    'waitMs=%s: a payment whose notification never arrives reads paid on its first status request',
    async (waitMs) => {
      const order = await createOrder(merchant, { productId: 'mug' });
      await cashier(simulator, order.params, { dropNotify: true });
      expect(await orderStatus(merchant, order.orderId, waitMs)).toMatchObject({
        state: 'paid',
        tradeState: 'SUCCESS',
        transactionId: expect.any(String),
      });
      expect(await queriesOf(order.orderId)).toBe(1);
    },
  );

  it('twenty concurrent status requests, then ten more, make one query of WeChat Pay', async () => {
    const order = await createOrder(merchant, { productId: 'mug' });
    await cashier(simulator, order.params, { notifyDelayMs: 600_000 });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => orderStatus(merchant, order.orderId, i % 2 ? 5000 : 0)),
    );
    for (const answer of answers) expect(answer.state).toBe('paid');
    for (let i = 0; i < 10; i++) await orderStatus(merchant, order.orderId);
    expect(await queriesOf(order.orderId)).toBe(1);
  });

  it('query first, then the notification: paid once, the notification changes nothing', async () => {
    const order = await createOrder(merchant, { productId: 'mug' });
    await cashier(simulator, order.params, { dropNotify: true });
    const byQuery = await orderStatus(merchant, order.orderId);
    expect(byQuery.state).toBe('paid');
    const [notification] = await notificationsAbout(simulator, order.orderId);
    await call(simulator, 'POST', `/sim/notifications/${notification?.id}/send`);
    await eventually(
      async () => (await notificationsAbout(simulator, order.orderId))[0]?.state === 'delivered',
    );
    expect(await orderStatus(merchant, order.orderId)).toEqual(byQuery);
  });
});

it('activeQueryAfterMs 200: a held request queries 200 ms into its wait', async () => {
  const merchant = await startTestMerchant(simulator, { activeQueryAfterMs: 200 });
  try {
    const order = await createOrder(merchant, { productId: 'mug' });
    await cashier(simulator, order.params, { dropNotify: true });
    expect((await orderStatus(merchant, order.orderId)).state).toBe('pending');
    const { value, ms } = await timed(() => orderStatus(merchant, order.orderId, 5000));
    expect(value.state).toBe('paid');
    expect(ms).toBeGreaterThanOrEqual(190);
    expect(ms).toBeLessThan(4000);
  } finally {
    await merchant.close();
  }
});

it('a refund by the merchant: WeChat Pay refunds, its REFUND.SUCCESS makes the order refunded', async () => {
  const merchant = await startTestMerchant(simulator);
  try {
    const order = await createOrder(merchant, { productId: 'mug' });
    await cashier(simulator, order.params, { notifyDelayMs: 0 });
    expect((await orderStatus(merchant, order.orderId, 3000)).state).toBe('paid');
    const refund = await call(merchant, 'POST', `/api/orders/${order.orderId}/refund`);
    expect(refund.body).toEqual({
      orderId: order.orderId,
      refund: { out_refund_no: `R${order.orderId}`, status: 'PROCESSING' },
    });
    // The refund settles on the simulator's test clock: a second later, notified at once.
    await call(simulator, 'POST', '/sim/clock/advance', { seconds: 2 });
    await eventually(async () => (await orderStatus(merchant, order.orderId)).state === 'refunded');
    expect(await orderStatus(merchant, order.orderId)).toMatchObject({ tradeState: 'REFUND' });
    const [notification] = await notificationsAbout(simulator, `R${order.orderId}`);
    expect(notification).toMatchObject({ eventType: 'REFUND.SUCCESS', state: 'delivered' });
    const unpaid = await createOrder(merchant, { productId: 'mug' });
    const refused = await call(merchant, 'POST', `/api/orders/${unpaid.orderId}/refund`);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'ORDER_NOT_PAID']);
  } finally {
    await merchant.close();
  }
});

it.each(['certificate', 'public-key', 'migration'] as const)(
  'notifications signed in %s mode are verified (both platform keys are trusted)',
  async (notifySigning) => {
    const merchant = await startTestMerchant(simulator, { notifySigning, activeQueryAfterMs: -1 });
    try {
      const serials = new Set<string | undefined>();
      for (let i = 0; i < 3; i++) {
        const order = await createOrder(merchant, { productId: 'sticker' });
        await cashier(simulator, order.params, { notifyDelayMs: 0 });
        expect((await orderStatus(merchant, order.orderId, 3000)).state).toBe('paid');
        const [notification] = await notificationsAbout(simulator, order.orderId);
        for (const attempt of notification?.attempts ?? []) serials.add(attempt.serial);
      }
      const { certificate, publicKey } = merchant.platformKeys;
      const expected = { certificate: [certificate.serial], 'public-key': [publicKey.id] };
      if (notifySigning !== 'migration') expect([...serials]).toEqual(expected[notifySigning]);
    } finally {
      await merchant.close();
    }
  },
);

it('closing the server answers held status requests at once', async () => {
  const merchant = await startTestMerchant(simulator, { activeQueryAfterMs: -1 });
  const order = await createOrder(merchant, { productId: 'mug' });
  const waiting = timed(() => orderStatus(merchant, order.orderId, 20_000));
  await new Promise((resolve) => setTimeout(resolve, 50));
  await merchant.close();
  const { value, ms } = await waiting;
  expect(value.state).toBe('pending');
  expect(ms).toBeLessThan(5000);
});
