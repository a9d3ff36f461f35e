import { type CheckoutConfig, createCheckout, DEFAULT_CONFIRM } from 'miniprogram-pay';
import { createFakeBackend } from 'miniprogram-pay/testing';

const backend = createFakeBackend();

describe('Checkout options: createCheckout validates its config (the only throw)', () => {
  test.each<[string, unknown, string]>([
    ['no config', undefined, 'backend'],
    ['no backend', {}, 'backend'],
    ['a backend without queryOrder', { backend: { createOrder() {} } }, 'backend'],
    ['confirm not an object', { backend, confirm: 5 }, 'confirm'],
    ['a negative deadline', { backend, confirm: { deadlineMs: -1 } }, 'confirm.deadlineMs'],
    ['a zero deadline', { backend, confirm: { deadlineMs: 0 } }, 'confirm.deadlineMs'],
    ['a NaN interval', { backend, confirm: { intervalMs: Number.NaN } }, 'confirm.intervalMs'],
    ['growth below 1', { backend, confirm: { growth: 0.5 } }, 'confirm.growth'],
    ['an infinite cap', { backend, confirm: { maxIntervalMs: Infinity } }, 'confirm.maxIntervalMs'],
    ['a huge waitMs', { backend, confirm: { waitMs: 2 ** 31 } }, 'confirm.waitMs'],
    ['a string waitMs', { backend, confirm: { waitMs: '100' } }, 'confirm.waitMs'],
    ['a negative first delay', { backend, confirm: { firstDelayMs: -5 } }, 'confirm.firstDelayMs'],
    ['hostTimeoutMs 0', { backend, hostTimeoutMs: 0 }, 'hostTimeoutMs'],
    ['a negative resumeGraceMs', { backend, resumeGraceMs: -1 }, 'resumeGraceMs'],
    ['persistPending as a string', { backend, persistPending: 'yes' }, 'persistPending'],
    ['onStage not a function', { backend, onStage: 'log' }, 'onStage'],
    ['host not an object', { backend, host: 'wx' }, 'host'],
    ['an empty pendingKey', { backend, pendingKey: '' }, 'pendingKey'],
    ['a pendingKey that is not a string', { backend, pendingKey: 7 }, 'pendingKey'],
  ])('%s: TypeError naming %s', (_name, config, option) => {
    let error: unknown;
    try {
      createCheckout(config as CheckoutConfig);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/^\[miniprogram-pay\] createCheckout: /);
    expect((error as Error).message).toContain(`${option} must be`);
    expect((error as Error).message).toMatch(/, got .+\.$/);
  });

  test('the message says what the option must be and what it got', () => {
    expect(() => createCheckout({ backend, confirm: { deadlineMs: -1 } })).toThrow(
      '[miniprogram-pay] createCheckout: confirm.deadlineMs must be a number from 1 to 2147483647, got -1.',
    );
    expect(() => createCheckout({} as CheckoutConfig)).toThrow(
      '[miniprogram-pay] createCheckout: backend must be an object with createOrder and queryOrder functions, got undefined.',
    );
  });

  test('valid configs do not throw; undefined options take their defaults', () => {
    expect(() => createCheckout({ backend })).not.toThrow();
    expect(() =>
      createCheckout({
        backend,
        confirm: { deadlineMs: undefined, waitMs: 0, firstDelayMs: 0, growth: 1 },
        hostTimeoutMs: undefined,
        resumeGraceMs: 0,
        persistPending: false,
        onStage: () => {},
      }),
    ).not.toThrow();
  });

  test('the default schedule is one documented constant', () => {
    expect(DEFAULT_CONFIRM).toEqual({
      firstDelayMs: 0,
      intervalMs: 500,
      growth: 1.5,
      maxIntervalMs: 1500,
      deadlineMs: 30_000,
      waitMs: 10_000,
    });
  });

  test('without a host and without a global wx, pay() resolves unsupported and creates nothing', async () => {
    const fake = createFakeBackend();
    const checkout = createCheckout({ backend: fake });
    expect(await checkout.pay({})).toEqual({
      status: 'failed',
      code: 'unsupported',
      detail: expect.stringMatching(
        /^No host: the global wx is missing and createCheckout got no host\. Nothing was created\.$/,
      ),
    });
    expect(fake.created).toHaveLength(0);
    expect(await checkout.resumePending()).toEqual([]);
  });
});
