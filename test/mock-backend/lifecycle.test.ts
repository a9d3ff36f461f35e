import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startMockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import {
  call,
  cashier,
  createOrder,
  orderStatus,
  startTestBackend,
  waitForState,
} from './helpers/backend';
import { testKeys } from './helpers/test-keys';

let dataDir: string;

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mock-backend-data-'));
});

afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('durable state in the data directory', () => {
  it('generates keys on first start and keeps keys, sessions and orders across a restart on the same port', async () => {
    // The RSA pairs come from the test cache (RSA generation is slow); every other key is
    // generated into the data directory, by the same code path that generates RSA pairs.
    const { merchantPrivateKeyPem, platformPrivateKeyPem, wechatpayPublicKeyPrivateKeyPem } =
      await testKeys();
    const rsaKeys = {
      merchantPrivateKeyPem,
      platformPrivateKeyPem,
      wechatpayPublicKeyPrivateKeyPem,
    };
    const first = await startMockBackend({
      dataDir,
      keys: rsaKeys,
      notifyRetryFactor: 1000,
      defaultNotifyDelayMs: 0,
    });
    let port = first.port;
    let paidOrder: { orderId: string; params: object };
    let pendingOrder: { orderId: string; params: object };
    let openid: string;
    try {
      openid = (await call(first, 'POST', '/api/login', { code: 'persist' })).body.openid;
      const paid = await createOrder(first, { productId: 'mug', openid });
      await cashier(first, { api: 'requestPayment', params: paid.params, action: 'pay' });
      expect(await waitForState(first, paid.orderId)).toBe('paid');
      paidOrder = paid;
      pendingOrder = await createOrder(first, { productId: 'extra-life', openid });
      port = first.port;
    } finally {
      await first.close();
    }
    const files = (await fs.readdir(dataDir)).sort();
    expect(files).toEqual(['keys.json', 'state.json']);
    const keysFile = JSON.parse(await fs.readFile(path.join(dataDir, 'keys.json'), 'utf8'));
    expect(Object.keys(keysFile).sort()).toEqual([
      'apiV3Key',
      'messagePushToken',
      'v2ApiKey',
      'virtualAppKeyProduction',
      'virtualAppKeySandbox',
    ]);
    expect(keysFile.apiV3Key).toBe(first.keys.apiV3Key);
    if (process.platform !== 'win32') {
      expect((await fs.stat(path.join(dataDir, 'keys.json'))).mode & 0o077).toBe(0);
    }

    const second = await startMockBackend({ dataDir, port, keys: rsaKeys });
    try {
      expect(second.port).toBe(port);
      expect(second.merchantPublicKeyPem).toBe(first.merchantPublicKeyPem);
      expect(second.keys).toEqual(first.keys);
      const paidView = await orderStatus(second, paidOrder.orderId);
      expect(paidView).toMatchObject({ state: 'paid', tradeState: 'SUCCESS', amount: 3900 });
      // The platform remembers too: the same prepay_id cannot be paid twice.
      const again = await cashier(second, {
        api: 'requestPayment',
        params: paidOrder.params,
        action: 'pay',
      });
      expect(again.errMsg).toBe('requestPayment:fail 该订单已支付');
      const original = (await call(second, 'GET', `/api/orders/${pendingOrder.orderId}`)).body;
      expect(original.state).toBe('pending');
      const callback = await cashier(second, {
        api: 'requestVirtualPayment',
        params: pendingOrder.params,
        action: 'pay',
        notifyDelayMs: 0,
      });
      expect(callback).toEqual({ errMsg: 'requestVirtualPayment:ok' });
      expect(await waitForState(second, pendingOrder.orderId)).toBe('paid');
      expect((await call(second, 'POST', '/api/login', { code: 'persist' })).body.openid).toBe(
        openid,
      );
    } finally {
      await second.close();
    }
  });

  it('keys given as options (all of them) are never written to disk', async () => {
    const backend = await startTestBackend({ memory: false, dataDir });
    try {
      await createOrder(backend, { productId: 'mug' });
    } finally {
      await backend.close();
    }
    expect(await fs.readdir(dataDir)).toEqual(['state.json']);
    const state = JSON.parse(await fs.readFile(path.join(dataDir, 'state.json'), 'utf8'));
    expect(state.version).toBe(1);
    expect(state.orders).toHaveLength(1);
  });

  it('memory mode writes nothing', async () => {
    const backend = await startTestBackend({ dataDir });
    try {
      await createOrder(backend, { productId: 'mug' });
      expect(backend.dataDir).toBeUndefined();
    } finally {
      await backend.close();
    }
    expect(await fs.readdir(dataDir)).toEqual([]);
  });

  it('ignores temp files a killed process left, and refuses an unreadable state file clearly', async () => {
    await fs.writeFile(path.join(dataDir, 'state.json.123.abcd.tmp'), '{"half":');
    const backend = await startTestBackend({ memory: false, dataDir });
    await backend.close();
    expect(await fs.readdir(dataDir)).toEqual([]);

    await fs.writeFile(path.join(dataDir, 'state.json'), '{"version":1,"orders":[');
    await expect(startTestBackend({ memory: false, dataDir })).rejects.toThrow(
      /cannot read .*state\.json.*move it away/,
    );
  });

  it('survives many concurrent commits with a readable file', async () => {
    const backend = await startTestBackend({ memory: false, dataDir });
    try {
      await Promise.all(
        Array.from({ length: 20 }, () => createOrder(backend, { productId: 'sticker' })),
      );
      const state = JSON.parse(await fs.readFile(path.join(dataDir, 'state.json'), 'utf8'));
      expect(state.orders).toHaveLength(20);
    } finally {
      await backend.close();
    }
  });
});
