import { resolveConfig } from '../../demo-miniprogram/mock-backend/src/config/options';
import { startMockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import { startTestBackend } from './helpers/backend';
import { testKeys } from './helpers/test-keys';

describe('startMockBackend options', () => {
  it('fills defaults', () => {
    const config = resolveConfig({});
    expect(config).toMatchObject({
      port: 0,
      host: '127.0.0.1',
      memory: false,
      activeQueryAfterMs: 0,
      activeQueryIntervalMs: 1000,
      defaultNotifyDelayMs: 200,
      notifySigning: 'certificate',
      logger: false,
      virtualPaymentEnv: 0,
    });
    expect(config.dataDir).toMatch(/demo-miniprogram[/\\]mock-backend[/\\]\.data$/);
    expect(config.notifyRetryDelaysMs).toHaveLength(15);
    expect(config.notifyRetryDelaysMs.slice(0, 5)).toEqual([150, 150, 300, 1800, 6000]);
    expect(resolveConfig({ memory: true, dataDir: '/x' }).dataDir).toBeUndefined();
  });

  it.each([
    [{ port: -1 }, 'options.port'],
    [{ port: 1.5 }, 'options.port'],
    [{ activeQueryAfterMs: -2 }, 'options.activeQueryAfterMs'],
    [{ notifyRetryFactor: 0 }, 'options.notifyRetryFactor'],
    [{ virtualPaymentEnv: 2 as 0 }, 'options.virtualPaymentEnv'],
    [{ notifySigning: 'sm2' as 'migration' }, 'options.notifySigning must be one of'],
  ])('refuses %j naming the option', async (options, name) => {
    await expect(startMockBackend({ memory: true, ...options })).rejects.toThrow(name);
  });

  it('refuses keys that are not keys', async () => {
    const keys = await testKeys();
    await expect(
      startTestBackend({ keys: { ...keys, merchantPrivateKeyPem: 'not a pem' } }),
    ).rejects.toThrow('the merchant private key is not an RSA private key PEM');
    await expect(startTestBackend({ keys: { ...keys, apiV3Key: 'short' } })).rejects.toThrow(
      'apiV3Key must be 32 bytes',
    );
  });

  it('rejects a port in use and leaves nothing running', async () => {
    const first = await startTestBackend();
    try {
      await expect(startTestBackend({ port: first.port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });

  it('signs signData with the configured env (sandbox)', async () => {
    const backend = await startTestBackend({ virtualPaymentEnv: 1, offerId: '999' });
    try {
      const response = await fetch(`${backend.url}/api/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ productId: 'extra-life' }),
      });
      const order = await response.json();
      expect(JSON.parse(order.params.signData)).toMatchObject({ env: 1, offerId: '999' });
    } finally {
      await backend.close();
    }
  });
});
