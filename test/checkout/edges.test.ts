import { type AbortSignalLike, createCheckout, type PaymentHost } from 'miniprogram-pay';
import { createFakeBackend, createFakeHost } from 'miniprogram-pay/testing';
import { settle, setup, track } from './helpers';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/** `host` behind a Proxy whose getter for `member` throws. */
function throwingGetter<T extends object>(host: T, member: string): T {
  return new Proxy(host, {
    get(target, key, receiver) {
      if (key === member) throw new Error(`${member} is broken`);
      return Reflect.get(target, key, receiver);
    },
  });
}

describe('Checkout: pay(), confirm() and resumePending() never reject, whatever they are handed', () => {
  test.each<[string, unknown]>([
    ['a signal without addEventListener', { aborted: false }],
    [
      'a signal whose addEventListener throws',
      {
        aborted: false,
        addEventListener: () => {
          throw new Error('no listeners here');
        },
      },
    ],
    [
      'a signal whose aborted getter throws',
      {
        get aborted() {
          throw new Error('unreadable');
        },
        addEventListener() {},
      },
    ],
    ['a string as the signal', 'abort'],
  ])(
    '%s: pay() and confirm() resolve invalid_params naming the signal, nothing created',
    async (_name, signal) => {
      const { checkout, backend, host, stages } = setup();
      const options = { signal: signal as AbortSignalLike };
      for (const call of [checkout.pay({}, options), checkout.confirm('o-1', options)]) {
        const result = await call;
        expect(result).toEqual({
          status: 'failed',
          code: 'invalid_params',
          detail: expect.stringMatching(
            /^signal must be an AbortSignal or an object with aborted and addEventListener\('abort', listener\), but /,
          ),
        });
      }
      expect(backend.created).toHaveLength(0);
      expect(host.sheetsOpened).toBe(0);
      expect(stages).toEqual([]);
    },
  );

  test.each([
    ['requestPayment', /^Reading wx\.requestPayment threw Error: requestPayment is broken\.$/],
    ['canIUse', /^Using wx\.canIUse threw Error: canIUse is broken\.$/],
  ])(
    'a host whose %s getter throws: failed host_error saying so, one query, pay() resolves',
    async (member, detail) => {
      const backend = createFakeBackend({ state: 'pending' });
      const host = throwingGetter(createFakeHost(), member);
      const checkout = createCheckout({ backend, host });
      expect(await settle(checkout.pay({}))).toMatchObject({
        status: 'failed',
        code: 'payment_failed',
        orderId: 'fake-order-1',
        outcome: {
          status: 'failed',
          code: 'host_error',
          detail: expect.stringMatching(detail),
          errMsg: '',
        },
      });
      expect(backend.queries).toHaveLength(1);
    },
  );

  test.each(['onAppShow', 'offAppShow'])(
    'a host whose %s getter throws: the cashier still opens and the payment is confirmed (nothing aborted)',
    async (member) => {
      const raw = createFakeHost();
      const checkout = createCheckout({
        backend: createFakeBackend(),
        host: throwingGetter(raw, member),
      });
      const result = await settle(checkout.pay({}));
      expect(result).toMatchObject({ status: 'paid', outcome: { status: 'ok' } });
      expect(raw.sheetsOpened).toBe(1);
    },
  );

  test.each(['getStorageSync', 'setStorageSync'])(
    'a host whose %s getter throws: a pending order still resolves pending, resumePending() still resolves',
    async (member) => {
      const raw = createFakeHost();
      const checkout = createCheckout({
        backend: createFakeBackend({ state: 'pending' }),
        host: throwingGetter(raw, member),
        confirm: { deadlineMs: 1000 },
      });
      expect(await settle(checkout.pay({}))).toMatchObject({
        status: 'pending',
        orderId: 'fake-order-1',
      });
      expect(Array.isArray(await settle(checkout.resumePending()))).toBe(true);
    },
  );

  test('a host that is a Proxy throwing on every read: pay() resolves and says what was wrong', async () => {
    const host = new Proxy({} as PaymentHost, {
      get() {
        throw new TypeError('the host is gone');
      },
    });
    const checkout = createCheckout({ backend: createFakeBackend({ state: 'pending' }), host });
    expect(await settle(checkout.pay({}))).toMatchObject({
      status: 'failed',
      outcome: {
        code: 'host_error',
        detail: 'Reading wx.requestPayment threw TypeError: the host is gone.',
      },
    });
    expect(await settle(checkout.resumePending())).toEqual([]);
  });

  test('signed parameters with a throwing getter: failed invalid_params naming the field', async () => {
    const params = {
      get timeStamp(): string {
        throw new Error('clock unplugged');
      },
      nonceStr: 'n',
      package: 'prepay_id=wx1',
      paySign: 's',
    };
    const { checkout, host } = setup({
      backend: { order: { orderId: 'o-9', kind: 'payment', params } },
    });
    expect(await settle(checkout.pay({}))).toMatchObject({
      status: 'failed',
      code: 'invalid_params',
      orderId: 'o-9',
      detail:
        'Invalid parameters: timeStamp could not be read: reading it threw Error: clock unplugged.',
    });
    expect(host.sheetsOpened).toBe(0);
  });
});

describe('Checkout options: hostTimeoutMs is bounded by default', () => {
  test('a cashier that never calls back and an app that never returns: confirmed after 5 minutes, then settled', async () => {
    const { checkout, backend } = setup({
      host: { cashier: 'lost' },
      backend: { state: 'pending' },
    });
    const state = track(checkout.pay({}));
    await jest.advanceTimersByTimeAsync(299_999);
    expect(backend.queries).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(backend.queries).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(30_000);
    expect(state.result).toMatchObject({
      status: 'pending',
      outcome: { code: 'timeout', detail: expect.stringMatching(/^No callback within 300000 ms/) },
    });
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe('One cashier per host, across checkouts', () => {
  test('a second checkout on the same host is refused busy before its order is created', async () => {
    const host = createFakeHost({ cashier: 'lost' });
    const first = createCheckout({ host, backend: createFakeBackend() });
    const secondBackend = createFakeBackend();
    const second = createCheckout({ host, backend: secondBackend });
    track(first.pay({}));
    await jest.advanceTimersByTimeAsync(10);
    expect(await second.pay({})).toEqual({
      status: 'failed',
      code: 'busy',
      detail: 'A cashier is already open on this host; this pay() created nothing.',
    });
    expect(secondBackend.created).toHaveLength(0);
    expect(host.sheetsOpened).toBe(1);
  });

  test('while the first checkout is still creating its order, the second is refused too', async () => {
    const host = createFakeHost();
    const first = createCheckout({ host, backend: createFakeBackend({ createLatencyMs: 1000 }) });
    const secondBackend = createFakeBackend();
    const second = createCheckout({ host, backend: secondBackend });
    const paying = track(first.pay({}));
    expect(await second.pay({})).toMatchObject({ code: 'busy' });
    expect(secondBackend.created).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1000);
    expect(paying.result?.status).toBe('paid');
    expect((await settle(second.pay({}))).status).toBe('paid');
  });
});

describe('Wiring httpBackend: a host whose request getter throws', () => {
  test('pay() resolves create_order_failed naming the request and what was thrown', async () => {
    const { httpBackend } = await import('miniprogram-pay');
    const host = throwingGetter(createFakeHost(), 'request');
    const checkout = createCheckout({
      host,
      backend: httpBackend({ baseUrl: 'https://shop.example', host }),
    });
    expect(await settle(checkout.pay({}))).toEqual({
      status: 'failed',
      code: 'create_order_failed',
      detail:
        'backend.createOrder rejected: HttpBackendError: POST https://shop.example/api/orders could not be sent: Error: request is broken',
    });
  });
});
