import { loadKeys } from '../../demo-miniprogram/mock-backend/src/keys/load-keys';
import { createNotificationSigner } from '../../demo-miniprogram/mock-backend/src/platform/notifications/notification-signer';
import type { MockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import { call, createOrder, payOrder, startTestBackend, waitForState } from './helpers/backend';
import { type ForgeOptions, forgePayNotification, paidTransaction } from './helpers/notifications';
import { testKeys } from './helpers/test-keys';

// Mock backend README "Notifications" (domain notes, section 9): three signing modes, a
// merchant that verifies both keys, and WeChat's SDKs' clock window.

const PUB_KEY_ID = /^PUB_KEY_ID_01[0-9]{26}$/;

describe('the merchant verifies /pay/notify', () => {
  const CLOCK_MS = 1_700_000_000_000;
  const nowSeconds = CLOCK_MS / 1000;
  let backend: MockBackend;
  let openid: string;

  beforeAll(async () => {
    // A fixed clock: the 300 s boundary must not move while a test runs.
    backend = await startTestBackend({ activeQueryAfterMs: -1, now: () => CLOCK_MS });
    openid = (await call(backend, 'POST', '/api/login', { code: 'signing' })).body.openid;
  });

  afterAll(async () => {
    await backend.close();
  });

  /** Posts a paid notification for a new order; its status and answer. */
  async function notifyNewOrder(options: ForgeOptions, headers: Record<string, string> = {}) {
    const order = await createOrder(backend, { productId: 'mug', openid });
    const transaction = paidTransaction({
      appId: backend.appId,
      mchId: backend.mchId,
      orderId: order.orderId,
      total: order.amount,
      openid,
    });
    const notification = forgePayNotification(backend.keys, transaction, options);
    const answer = await call(backend, 'POST', '/pay/notify', notification.body, {
      ...notification.headers,
      ...headers,
    });
    const view = await call(backend, 'GET', `/api/orders/${order.orderId}`);
    return { answer, state: view.body.state };
  }

  it.each([
    ['300 s old', -300],
    ['300 s ahead', 300],
  ])('accepts a timestamp exactly %s', async (_name, offset) => {
    const { answer, state } = await notifyNewOrder({ timestampSeconds: nowSeconds + offset });
    expect(answer.status).toBe(204);
    expect(state).toBe('paid');
  });

  it.each([
    ['301 s old', -301, '301 s old'],
    ['301 s ahead', 301, '301 s in the future'],
  ])('refuses a timestamp %s', async (_name, offset, how) => {
    const { answer, state } = await notifyNewOrder({ timestampSeconds: nowSeconds + offset });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      code: 'FAIL',
      message: `Wechatpay-Timestamp ${nowSeconds + offset} is ${how}; at most 300 s either way is accepted.`,
    });
    expect(state).toBe('pending');
  });

  it('accepts a notification signed with the WeChat Pay public key (PUB_KEY_ID_…)', async () => {
    const { answer, state } = await notifyNewOrder({
      timestampSeconds: nowSeconds,
      withPublicKey: true,
    });
    expect(answer.status).toBe(204);
    expect(state).toBe('paid');
  });

  it('refuses an unknown public key id, and a key that is not the one its serial names', async () => {
    const keys = await testKeys();
    const unknown = await notifyNewOrder({
      timestampSeconds: nowSeconds,
      withPublicKey: true,
      serial: 'PUB_KEY_ID_0100000000000000000000000000',
    });
    expect(unknown.answer.status).toBe(401);
    expect(unknown.answer.body.message).toMatch(
      /^Wechatpay-Serial "PUB_KEY_ID_0100000000000000000000000000" names no key/,
    );
    const crossed = await notifyNewOrder({
      timestampSeconds: nowSeconds,
      withPublicKey: true,
      signingKeyPem: keys.platformPrivateKeyPem,
    });
    expect(crossed.answer.status).toBe(401);
    expect(crossed.answer.body).toEqual({
      code: 'FAIL',
      message: expect.stringMatching(
        /^Wechatpay-Signature does not verify with the key of serial /,
      ),
    });
    expect([unknown.state, crossed.state]).toEqual(['pending', 'pending']);
  });

  it('refuses a signature type other than WECHATPAY2-SHA256-RSA2048', async () => {
    const { answer, state } = await notifyNewOrder(
      { timestampSeconds: nowSeconds },
      { 'Wechatpay-Signature-Type': 'WECHATPAY2-SM2-WITH-SM3' },
    );
    expect(answer.status).toBe(401);
    expect(answer.body.message).toBe(
      'Wechatpay-Signature-Type must be WECHATPAY2-SHA256-RSA2048; got "WECHATPAY2-SM2-WITH-SM3".',
    );
    expect(state).toBe('pending');
  });
});

describe('the platform signs in the mode chosen at start', () => {
  /** Pays `count` orders; the Wechatpay-Serial of every notification request sent. */
  async function serialsSent(backend: MockBackend, count: number): Promise<string[]> {
    const orders = await Promise.all(
      Array.from({ length: count }, () =>
        payOrder(backend, { productId: 'sticker' }, { notifyDelayMs: 0 }),
      ),
    );
    for (const order of orders) expect(await waitForState(backend, order.orderId)).toBe('paid');
    const { body } = await call(backend, 'GET', '/sim/deliveries');
    return body.deliveries.flatMap((delivery: { attempts: { serial: string }[] }) =>
      delivery.attempts.map((attempt) => attempt.serial),
    );
  }

  it.each([
    ['certificate', 'platformSerial'],
    ['public-key', 'wechatpayPublicKeyId'],
  ] as const)('%s: every request names the %s, and the merchant takes it', async (mode, key) => {
    const backend = await startTestBackend({ activeQueryAfterMs: -1, notifySigning: mode });
    try {
      const config = (await call(backend, 'GET', '/sim/config')).body;
      expect(config.notifySigning).toBe(mode);
      expect(config.wechatpayPublicKeyId).toMatch(PUB_KEY_ID);
      expect(new Set(await serialsSent(backend, 2))).toEqual(new Set([config[key]]));
    } finally {
      await backend.close();
    }
  });

  it('migration: requests arrive signed either way, and the merchant takes both', async () => {
    const backend = await startTestBackend({ activeQueryAfterMs: -1, notifySigning: 'migration' });
    try {
      const config = (await call(backend, 'GET', '/sim/config')).body;
      // 16 fair coin tosses all alike: about 1 run in 30 000.
      expect(new Set(await serialsSent(backend, 16))).toEqual(
        new Set([config.platformSerial, config.wechatpayPublicKeyId]),
      );
    } finally {
      await backend.close();
    }
  });

  it('migration picks per request, certificate or public key by the coin', async () => {
    const keys = loadKeys(await testKeys());
    const coins = [0.1, 0.7, 0.49, 0.5];
    const signer = createNotificationSigner(keys, 'migration', () => coins.shift() ?? 0);
    const picked = [signer(), signer(), signer(), signer()].map((key) => key.serial);
    const [certificate, publicKey] = [keys.platformSerial, keys.wechatpayPublicKeyId];
    expect(picked).toEqual([certificate, publicKey, certificate, publicKey]);
  });
});
