import { expectTypeOf } from 'expect-type';
import {
  type CheckoutResult,
  createCheckout,
  type OrderSnapshot,
  type PaymentBackend,
  type PreparedOrder,
  requestPayment,
} from 'miniprogram-pay';
import { createFakeBackend, createFakeHost } from 'miniprogram-pay/testing';
import { settle, setup, track } from './helpers';

const VALID_PARAMS = {
  timeStamp: '1700000000',
  nonceStr: 'n1',
  package: 'prepay_id=wx1',
  signType: 'RSA',
  paySign: 'sig',
} as const;

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('The flow: paid only when the backend says so', () => {
  test('ok from the host, then paid from the backend: paid, with the order and the outcome', async () => {
    const { checkout, backend } = setup({ backend: { pendingMs: 1200 } });
    const result = await settle(checkout.pay({ sku: 'coffee' }));
    expect(result).toEqual({
      kind: 'payment',
      status: 'paid',
      orderId: 'fake-order-1',
      order: { orderId: 'fake-order-1', state: 'paid' },
      outcome: expect.objectContaining({ status: 'ok' }),
    });
    expect(backend.created).toEqual([{ sku: 'coffee' }]);
  });

  test('ok from the host but the backend never says paid: pending, not paid', async () => {
    const { checkout } = setup({
      backend: { state: 'pending' },
      config: { confirm: { deadlineMs: 5000 } },
    });
    const result = await settle(checkout.pay({}));
    expect(result).toMatchObject({ status: 'pending', orderId: 'fake-order-1' });
    expect(result.status === 'pending' && result.detail).toMatch(
      /within 5000 ms \(its last answer was pending\)/,
    );
  });

  test('a garbage "paid" (not an order snapshot) never counts as paid', async () => {
    const { checkout } = setup({
      backend: { script: [{ resolve: 'paid' }, { resolve: { status: 'paid' } }], state: 'pending' },
      config: { confirm: { deadlineMs: 3000 } },
    });
    expect((await settle(checkout.pay({}))).status).toBe('pending');
  });

  test('a snapshot of another order is not taken for this one', async () => {
    const { checkout } = setup({
      backend: { script: [{ resolve: { orderId: 'other', state: 'paid' } }], state: 'pending' },
      config: { confirm: { deadlineMs: 3000 } },
    });
    const result = await settle(checkout.pay({}));
    expect(result).toMatchObject({ status: 'pending', detail: expect.stringMatching(/pending/) });
  });
});

describe('The flow, confirming: after a cancel or a host failure, exactly one query', () => {
  test('cancel, backend pending: cancelled, one query without long-poll', async () => {
    const { checkout, backend } = setup({
      host: { cashier: 'cancel' },
      backend: { state: 'pending' },
    });
    const result = await settle(checkout.pay({}));
    expect(result).toEqual({
      kind: 'payment',
      status: 'cancelled',
      orderId: 'fake-order-1',
      outcome: expect.objectContaining({ status: 'cancelled' }),
    });
    expect(backend.queries).toHaveLength(1);
    expect(backend.queries[0]?.waitMs).toBe(0);
  });

  test('cancel, but the backend says paid: paid', async () => {
    const { checkout } = setup({ host: { cashier: 'legacy-complete-cancel' } });
    expect(await settle(checkout.pay({}))).toMatchObject({
      status: 'paid',
      outcome: { status: 'cancelled' },
    });
  });

  test('cancel and the query fails: the host outcome (cancelled), still one query', async () => {
    const { checkout, backend } = setup({
      host: { cashier: 'cancel' },
      backend: { script: [{ reject: new Error('502') }] },
    });
    expect((await settle(checkout.pay({}))).status).toBe('cancelled');
    expect(backend.queries).toHaveLength(1);
  });

  test('host failure, backend pending: failed payment_failed with the order', async () => {
    const { checkout, backend } = setup({
      host: { cashier: 'fail', failDetail: 'risk control' },
      backend: { state: 'pending' },
    });
    const result = await settle(checkout.pay({}));
    expect(result).toMatchObject({
      status: 'failed',
      code: 'payment_failed',
      detail: 'risk control (and the backend has no payment for the order)',
      orderId: 'fake-order-1',
      order: { state: 'pending' },
      outcome: { status: 'failed', code: 'host_error' },
    });
    expect(backend.queries).toHaveLength(1);
  });

  test('host failure and the query fails: the host outcome (host_error)', async () => {
    const { checkout } = setup({
      host: { cashier: 'no-permission' },
      backend: { script: [{ throw: new Error('offline') }] },
    });
    const result = await settle(checkout.pay({}));
    expect(result).toMatchObject({ status: 'failed', code: 'host_error', orderId: 'fake-order-1' });
    expect(result).not.toHaveProperty('order', expect.anything());
  });

  test('host failure, but the backend says paid: paid', async () => {
    const { checkout } = setup({ host: { cashier: 'colon-fail' } });
    expect((await settle(checkout.pay({}))).status).toBe('paid');
  });

  test('cancel and the backend reports the order closed: order_closed (the backend is the truth)', async () => {
    const { checkout } = setup({ host: { cashier: 'cancel' }, backend: { state: 'closed' } });
    expect(await settle(checkout.pay({}))).toMatchObject({
      status: 'failed',
      code: 'order_closed',
      order: { state: 'closed' },
    });
  });

  test('a hung single query is bounded by the deadline', async () => {
    const { checkout } = setup({
      host: { cashier: 'cancel' },
      backend: { script: ['hang'] },
      config: { confirm: { deadlineMs: 4000 } },
    });
    const state = track(checkout.pay({}));
    await jest.advanceTimersByTimeAsync(3999);
    expect(state.settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(state.result?.status).toBe('cancelled');
  });
});

describe('The flow, confirming: no query when the host was never reached', () => {
  test('invalid params: failed invalid_params with the orderId; no query, no cashier', async () => {
    const { checkout, backend, host } = setup({
      backend: {
        order: { orderId: 'o-1', kind: 'payment', params: { ...VALID_PARAMS, paySign: '' } },
      },
    });
    const result = await settle(checkout.pay({}));
    expect(result).toMatchObject({
      status: 'failed',
      code: 'invalid_params',
      orderId: 'o-1',
      outcome: { issues: [expect.objectContaining({ field: 'paySign' })] },
    });
    expect(backend.queries).toHaveLength(0);
    expect(host.sheetsOpened).toBe(0);
  });

  test('unsupported host: failed unsupported, no query', async () => {
    const { checkout, backend } = setup({ host: { apis: [] } });
    expect(await settle(checkout.pay({}))).toMatchObject({
      status: 'failed',
      code: 'unsupported',
      orderId: 'fake-order-1',
    });
    expect(backend.queries).toHaveLength(0);
  });

  test('HarmonyOS "not supported" from the cashier: failed unsupported, no query', async () => {
    const { checkout, backend } = setup({ host: { cashier: 'not-supported' } });
    expect(await settle(checkout.pay({}))).toMatchObject({ code: 'unsupported' });
    expect(backend.queries).toHaveLength(0);
  });

  test('a cashier already open on the host (outside this checkout): busy before any order is created', async () => {
    const { checkout, backend, host } = setup({ host: { cashier: 'lost' } });
    const other = track(requestPayment(VALID_PARAMS, { host }) as Promise<never>);
    const result = await settle(checkout.pay({}));
    expect(result).toEqual({
      status: 'failed',
      code: 'busy',
      detail: expect.stringMatching(/already open on this host.*created nothing/),
    });
    expect(backend.created).toHaveLength(0);
    expect(backend.queries).toHaveLength(0);
    expect(other.settled).toBe(false);
  });
});

describe('The flow, creating_order: createOrder fails', () => {
  const cases: Array<[string, PaymentBackend['createOrder'], RegExp]> = [
    [
      'throws',
      () => {
        throw new Error('boom');
      },
      /^backend\.createOrder threw Error: boom\.$/,
    ],
    [
      'rejects',
      () => Promise.reject(new Error('HTTP 500')),
      /^backend\.createOrder rejected: Error: HTTP 500$/,
    ],
    [
      'rejects with a non-error',
      () => Promise.reject(undefined),
      /rejected: undefined, not an Error/,
    ],
    [
      'resolves garbage',
      () => Promise.resolve('<html>' as never),
      /resolved "<html>" instead of an order/,
    ],
    ['resolves null', () => Promise.resolve(null as never), /resolved null instead of an order/],
    [
      'has no orderId',
      () => Promise.resolve({ kind: 'payment', params: {} } as never),
      /an order whose orderId is undefined/,
    ],
    [
      'has an empty orderId',
      () => Promise.resolve({ orderId: '', kind: 'payment', params: {} } as never),
      /an order whose orderId is ""/,
    ],
    [
      'has a bad kind',
      () => Promise.resolve({ orderId: 'o', kind: 'jsapi', params: {} } as never),
      /an order whose kind is "jsapi", not one of payment, virtual, order, common, plugin, transfer/,
    ],
    [
      'has no params object',
      () => Promise.resolve({ orderId: 'o', kind: 'virtual', params: 'x' } as never),
      /an order whose params are "x"/,
    ],
  ];
  test.each(cases)(
    'createOrder %s: failed create_order_failed, host untouched',
    async (_name, createOrder, detail) => {
      const host = createFakeHost();
      const backend = createFakeBackend();
      const checkout = createCheckout({ host, backend: { ...backend, createOrder } });
      const result = await settle(checkout.pay({}));
      expect(result).toEqual({
        status: 'failed',
        code: 'create_order_failed',
        detail: expect.stringMatching(detail),
      });
      expect(host.sheetsOpened).toBe(0);
      expect(backend.queries).toHaveLength(0);
    },
  );

  test('createOrder that never answers: failed create_order_failed at the deadline', async () => {
    const { checkout, host } = setup({
      backend: { order: 'hang' },
      config: { confirm: { deadlineMs: 8000 } },
    });
    const state = track(checkout.pay({}));
    await jest.advanceTimersByTimeAsync(7999);
    expect(state.settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(state.result).toMatchObject({
      code: 'create_order_failed',
      detail: 'backend.createOrder gave no answer within 8000 ms.',
    });
    expect(host.sheetsOpened).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
  });

  test('createOrder returning a plain order (not a promise) works', async () => {
    const backend = createFakeBackend();
    const order: PreparedOrder = { orderId: 'o-7', kind: 'payment', params: VALID_PARAMS };
    const checkout = createCheckout({
      host: createFakeHost(),
      backend: { ...backend, createOrder: (() => order) as never },
    });
    expect(await settle(checkout.pay({}))).toMatchObject({ status: 'paid', orderId: 'o-7' });
  });
});

describe('Results: final states other than paid', () => {
  test.each([
    ['closed', 'order_closed', 'The backend says the order is closed.'],
    ['failed', 'payment_failed', 'The backend says the payment failed.'],
    ['refunded', 'order_refunded', 'The backend says the order was refunded.'],
  ] as const)('backend %s after ok: failed %s with the order', async (state, code, detail) => {
    const { checkout, backend } = setup({ backend: { state, pendingQueries: 2, longPoll: false } });
    const result = await settle(checkout.pay({}));
    expect(result).toEqual({
      kind: 'payment',
      status: 'failed',
      code,
      detail,
      orderId: 'fake-order-1',
      order: { orderId: 'fake-order-1', state },
      outcome: expect.objectContaining({ status: 'ok' }),
    });
    expect(backend.queries).toHaveLength(3);
  });

  test('extra snapshot fields reach the result', async () => {
    const { checkout } = setup({
      backend: { script: [{ state: 'paid', amount: 100, transactionId: 't-1' }] },
    });
    expect(await settle(checkout.pay({}))).toMatchObject({
      order: { orderId: 'fake-order-1', state: 'paid', amount: 100, transactionId: 't-1' },
    });
  });
});

describe('The flow: one pay() at a time per checkout', () => {
  test('a second pay() while one is in flight: failed busy at once, nothing touched', async () => {
    const { checkout, backend, host } = setup({ host: { cashier: 'lost' } });
    const first = track(checkout.pay({ n: 1 }));
    await jest.advanceTimersByTimeAsync(0);
    const second = track(checkout.pay({ n: 2 }));
    await Promise.resolve();
    expect(second.result).toEqual({
      status: 'failed',
      code: 'busy',
      detail: expect.any(String),
    });
    expect(backend.created).toEqual([{ n: 1 }]);
    expect(host.sheetsOpened).toBe(1);
    expect(first.settled).toBe(false);
  });

  test('two pay() calls in the same tick: the second is busy', async () => {
    const { checkout, backend } = setup();
    const [a, b] = [checkout.pay({}), checkout.pay({})];
    expect((await settle(b)).status === 'failed' && (await b)).toMatchObject({ code: 'busy' });
    expect((await settle(a)).status).toBe('paid');
    expect(backend.created).toHaveLength(1);
  });

  test('pay() while confirm() is in flight: busy; after both settle pay() works again', async () => {
    const { checkout, backend } = setup({ backend: { pendingMs: 3000 } });
    const confirming = checkout.confirm('old-order');
    expect(await checkout.pay({})).toMatchObject({ status: 'failed', code: 'busy' });
    expect(backend.created).toHaveLength(0);
    expect((await settle(confirming)).status).toBe('paid');
    expect((await settle(checkout.pay({}))).status).toBe('paid');
  });

  test('separate checkouts do not block each other at the checkout level', async () => {
    const backend = createFakeBackend();
    const a = createCheckout({ backend, host: createFakeHost() });
    const b = createCheckout({ backend, host: createFakeHost() });
    const results = await Promise.all([settle(a.pay({})), settle(b.pay({}))]);
    expect(results.map((result) => result.status)).toEqual(['paid', 'paid']);
  });
});

describe('Checkout options: onStage', () => {
  test('in order, each once, with the orderId once known', async () => {
    const { checkout, stages } = setup({ backend: { pendingQueries: 3, longPoll: false } });
    await settle(checkout.pay({}));
    expect(stages).toEqual([
      ['creating_order', undefined],
      ['awaiting_payment', 'fake-order-1'],
      ['confirming', 'fake-order-1'],
      ['settled', 'fake-order-1'],
    ]);
  });

  test('stages skipped by an early end are not fired; settled still is', async () => {
    const { checkout, stages } = setup({ backend: { order: { reject: new Error('x') } } });
    await settle(checkout.pay({}));
    expect(stages).toEqual([
      ['creating_order', undefined],
      ['settled', undefined],
    ]);
  });

  test('a throwing listener does not break the flow', async () => {
    const onStage = jest.fn(() => {
      throw new Error('listener bug');
    });
    const { checkout } = setup({ config: { onStage } });
    expect((await settle(checkout.pay({}))).status).toBe('paid');
    expect(onStage).toHaveBeenCalledTimes(4);
  });

  test('a busy refusal fires no stage (it would end the spinner of the running call)', async () => {
    const { checkout, stages } = setup({ host: { cashier: 'lost' } });
    checkout.pay({});
    await jest.advanceTimersByTimeAsync(0);
    const before = stages.length;
    await checkout.pay({});
    expect(stages).toHaveLength(before);
  });
});

describe('Checkout: pay() never rejects', () => {
  test('queryOrder that throws synchronously, returns non-promises or garbage is retried', async () => {
    const { checkout, backend } = setup({
      backend: {
        longPoll: false,
        script: [
          { throw: new Error('sync') },
          { return: { orderId: 'fake-order-1', state: 'pending' } },
          { resolve: undefined },
          { resolve: [] },
          { reject: Object.create(null) },
          { return: 42 },
        ],
      },
    });
    const result = await settle(checkout.pay({}));
    expect(result.status).toBe('paid');
    expect(backend.queries).toHaveLength(7);
  });

  test('a backend whose functions are not even functions at call time', async () => {
    const backend = createFakeBackend();
    const checkout = createCheckout({ host: createFakeHost(), backend });
    (backend as { createOrder: unknown }).createOrder = 'gone';
    expect(await settle(checkout.pay({}))).toMatchObject({ code: 'create_order_failed' });
  });
});

test('virtual payment orders open requestVirtualPayment', async () => {
  const signData = JSON.stringify({
    offerId: 'offer',
    buyQuantity: 1,
    currencyType: 'CNY',
    outTradeNo: 'trade-0001',
    attach: '',
  });
  const { checkout, host } = setup({
    backend: {
      order: {
        orderId: 'v-1',
        kind: 'virtual',
        params: { mode: 'short_series_coin', signData, paySig: 'p', signature: 's' },
      },
    },
  });
  expect(await settle(checkout.pay({}))).toMatchObject({ status: 'paid', orderId: 'v-1' });
  expect(host.calls[0]).toMatchObject({ api: 'requestVirtualPayment', params: { signData } });
});

test('types: results narrow on status', () => {
  const result = {} as CheckoutResult;
  if (result.status === 'paid') expectTypeOf(result.order).toEqualTypeOf<OrderSnapshot>();
  if (result.status === 'failed') expectTypeOf(result.orderId).toEqualTypeOf<string | undefined>();
  if (result.status === 'pending') expectTypeOf(result.orderId).toEqualTypeOf<string>();
  // @ts-expect-error a cancelled result has no order
  if (result.status === 'cancelled') void result.order;
  // @ts-expect-error the backend is required
  expect(() => createCheckout({})).toThrow(TypeError);
});
