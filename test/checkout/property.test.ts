import fc from 'fast-check';
import {
  type AbortSignalLike,
  type CheckoutResult,
  createCheckout,
  type OrderState,
  type PaymentHost,
} from 'miniprogram-pay';
import {
  CASHIER_BEHAVIOURS,
  type CashierStep,
  createFakeBackend,
  createFakeHost,
  type FakeAnswer,
  type FakeBackendOptions,
} from 'miniprogram-pay/testing';
import { countingSignal } from './helpers';

type SignalKind =
  | 'counting'
  | 'controller'
  | 'none'
  | 'no-remove'
  | 'proxy'
  | 'no-add'
  | 'throwing-add'
  | 'throwing-aborted';

/** Host members whose getter may throw. */
const HOST_MEMBERS = [
  'requestPayment',
  'requestVirtualPayment',
  'canIUse',
  'onAppShow',
  'offAppShow',
  'getStorageSync',
  'setStorageSync',
] as const;

/** A caller's signal of the given kind, how to abort it, and how many listeners it holds. */
function makeSignal(kind: SignalKind) {
  const counting = countingSignal();
  const usable = {
    signal: counting.signal,
    abort: counting.abort,
    listeners: () => counting.listeners,
    usable: true,
  };
  switch (kind) {
    case 'counting':
      return usable;
    case 'proxy':
      return { ...usable, signal: new Proxy(counting.signal, {}) };
    case 'controller': {
      const controller = new AbortController();
      return {
        signal: controller.signal,
        abort: () => controller.abort(),
        listeners: () => 0,
        usable: true,
      };
    }
    case 'none':
      return { signal: undefined, abort: () => {}, listeners: () => 0, usable: true };
    case 'no-remove': {
      const signal = { aborted: false, addEventListener: counting.signal.addEventListener };
      return {
        signal: signal as AbortSignalLike,
        abort: counting.abort,
        listeners: () => 0,
        usable: true,
      };
    }
    case 'no-add':
      return {
        signal: { aborted: false } as AbortSignalLike,
        abort: () => {},
        listeners: () => 0,
        usable: false,
      };
    case 'throwing-add': {
      const signal = {
        aborted: false,
        addEventListener: () => {
          throw new Error('addEventListener broke');
        },
      };
      return { signal, abort: () => {}, listeners: () => 0, usable: false };
    }
    case 'throwing-aborted': {
      const signal = {
        get aborted(): boolean {
          throw new Error('aborted broke');
        },
        addEventListener: () => {},
      };
      return { signal, abort: () => {}, listeners: () => 0, usable: false };
    }
  }
}

/** The fake host behind a Proxy whose getter for `member` throws. */
function withThrowingGetter<T extends object>(host: T, member: string | undefined): T {
  if (!member) return host;
  return new Proxy(host, {
    get(target, key, receiver) {
      if (key === member) throw new Error(`${member} getter broke`);
      return Reflect.get(target, key, receiver);
    },
  });
}

/** Counts the fake cashier's sheets open at once (from opening to their first answer). */
function countOpenSheets(host: PaymentHost) {
  const counter = { open: 0, max: 0 };
  for (const api of ['requestPayment', 'requestVirtualPayment'] as const) {
    const open = host[api] as ((options: Record<string, unknown>) => unknown) | undefined;
    if (!open) continue;
    (host as Record<string, unknown>)[api] = (
      options: Record<string, (result: unknown) => void>,
    ) => {
      counter.open++;
      counter.max = Math.max(counter.max, counter.open);
      let closed = false;
      const close = () => {
        if (!closed) counter.open--;
        closed = true;
      };
      const answer = (name: string) => (result: unknown) => {
        close();
        options[name]?.(result);
      };
      try {
        const returned = open({
          ...options,
          success: answer('success'),
          fail: answer('fail'),
          complete: answer('complete'),
        });
        // A promisified host answers through the promise it returns.
        (returned as Promise<unknown> | undefined)?.then?.(close, close);
        return returned;
      } catch (error) {
        close();
        throw error;
      }
    };
  }
  return counter;
}

const STEPS: CashierStep[] = [...CASHIER_BEHAVIOURS];
const STATES: OrderState[] = ['pending', 'paid', 'closed', 'failed', 'refunded'];
const PAYMENT = {
  timeStamp: '1700000000',
  nonceStr: 'n',
  package: 'prepay_id=wx1',
  paySign: 's',
};
/** The package of the second checkout's orders, to tell its sheets from ours. */
const OTHER_PACKAGE = 'prepay_id=wx2';
const VIRTUAL = {
  mode: 'short_series_coin',
  signData:
    '{"offerId":"o","buyQuantity":1,"currencyType":"CNY","outTradeNo":"trade-001","attach":""}',
  paySig: 'p',
  signature: 's',
};

const answer: fc.Arbitrary<FakeAnswer | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(...STATES),
  fc.constantFrom<FakeAnswer>(
    { reject: new Error('HTTP 502') },
    { throw: new Error('sync') },
    { resolve: 'garbage' },
    { resolve: null },
    { resolve: { orderId: 'someone-else', state: 'paid' } },
    { resolve: { state: 'PAID' } },
    { return: 42 },
    'hang',
  ),
);

const scenario = fc.record({
  step: fc.oneof(
    {
      arbitrary: fc.constantFrom<CashierStep>('ok', 'double-callback', 'sync-ok', 'lost'),
      weight: 1,
    },
    { arbitrary: fc.constantFrom(...STEPS), weight: 2 },
  ),
  answerDelayMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12_000 })),
  showAt: fc.option(fc.integer({ min: 0, max: 15_000 }), { nil: undefined }),
  order: fc.oneof(
    { arbitrary: fc.constantFrom('payment', 'virtual'), weight: 4 },
    { arbitrary: fc.constantFrom('invalid', 'throw', 'reject', 'garbage', 'hang'), weight: 1 },
  ),
  createLatencyMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 })),
  backend: fc.record({
    state: fc.oneof(fc.constant<OrderState>('paid'), fc.constantFrom(...STATES)),
    pendingMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20_000 })),
    pendingQueries: fc.integer({ min: 0, max: 4 }),
    script: fc.array(answer, { maxLength: 6 }),
    latencyMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6000 })),
    longPoll: fc.boolean(),
  }),
  lateSetState: fc.option(
    fc.tuple(fc.integer({ min: 0, max: 30_000 }), fc.constantFrom(...STATES)),
    {
      nil: undefined,
    },
  ),
  confirm: fc.record({
    firstDelayMs: fc.integer({ min: 0, max: 2000 }),
    intervalMs: fc.integer({ min: 1, max: 3000 }),
    growth: fc.double({ min: 1, max: 3, noNaN: true }),
    maxIntervalMs: fc.integer({ min: 1, max: 5000 }),
    deadlineMs: fc.integer({ min: 1, max: 20_000 }),
    waitMs: fc.integer({ min: 0, max: 10_000 }),
  }),
  hostTimeoutMs: fc.integer({ min: 1, max: 15_000 }),
  resumeGraceMs: fc.integer({ min: 0, max: 3000 }),
  abortAt: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    { arbitrary: fc.integer({ min: 0, max: 4000 }), weight: 1 },
    { arbitrary: fc.integer({ min: 0, max: 40_000 }), weight: 1 },
  ),
  signal: fc.oneof(
    { arbitrary: fc.constantFrom<SignalKind>('counting', 'controller', 'none'), weight: 4 },
    {
      arbitrary: fc.constantFrom<SignalKind>(
        'no-remove',
        'proxy',
        'no-add',
        'throwing-add',
        'throwing-aborted',
      ),
      weight: 1,
    },
  ),
  hostFault: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 4 },
    { arbitrary: fc.constantFrom(...HOST_MEMBERS), weight: 1 },
  ),
  second: fc.option(fc.integer({ min: 0, max: 6000 }), { nil: undefined, freq: 3 }),
});

function createOrderScript(kind: string): FakeBackendOptions['order'] {
  switch (kind) {
    case 'payment':
      return { orderId: 'o-1', kind: 'payment', params: PAYMENT };
    case 'virtual':
      return { orderId: 'o-1', kind: 'virtual', params: VIRTUAL as never };
    case 'invalid':
      return { orderId: 'o-1', kind: 'payment', params: { ...PAYMENT, package: 'x' } };
    case 'throw':
      return { throw: new Error('boom') };
    case 'reject':
      return { reject: new Error('HTTP 500') };
    case 'garbage':
      return { resolve: '<html>' };
    default:
      return 'hang';
  }
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('pay() under random hosts, backends, signals and aborts, two checkouts on one host: never rejects, settles in time, paid only from the backend, one cashier at a time, leaves nothing behind', async () => {
  await fc.assert(
    fc.asyncProperty(scenario, async (s) => {
      jest.clearAllTimers();
      const rawHost = createFakeHost({ cashier: s.step, answerDelayMs: s.answerDelayMs });
      const sheets = countOpenSheets(rawHost);
      const host = withThrowingGetter(rawHost, s.hostFault);
      const backend = createFakeBackend({
        ...s.backend,
        order: createOrderScript(s.order),
        createLatencyMs: s.createLatencyMs,
      });
      const otherBackend = createFakeBackend({
        order: { orderId: 'o-2', kind: 'payment', params: { ...PAYMENT, package: OTHER_PACKAGE } },
      });
      const stageAt: Record<string, number> = {};
      const options = {
        host,
        confirm: s.confirm,
        hostTimeoutMs: s.hostTimeoutMs,
        resumeGraceMs: s.resumeGraceMs,
      };
      const checkout = createCheckout({
        ...options,
        backend,
        onStage: (stage) => {
          stageAt[stage] = Date.now();
        },
      });
      const other = createCheckout({ ...options, backend: otherBackend });
      const caller = makeSignal(s.signal);
      const testTimers: Array<{ fired: boolean }> = [];
      const at = (ms: number | undefined, run: () => void) => {
        if (ms === undefined) return;
        const timer = { fired: false };
        setTimeout(() => {
          timer.fired = true;
          run();
        }, ms);
        testTimers.push(timer);
      };
      let otherResult: CheckoutResult | undefined;
      at(s.showAt, () => rawHost.showApp());
      at(s.abortAt, () => caller.abort());
      at(s.lateSetState?.[0], () => backend.setState(s.lateSetState?.[1] as OrderState));
      at(s.second, () => {
        other.pay({ item: 2 }).then((value) => {
          otherResult = value;
        });
      });

      const start = Date.now();
      let result: CheckoutResult | undefined;
      let rejected = false;
      let leftAtSettle: { timers: number; appShow: number; signal: number } | undefined;
      let callsAtSettle = 0;
      checkout.pay({ item: 1 }, { signal: caller.signal }).then(
        (value) => {
          result = value;
          // The fake cashier's own answer timers, and the test's, are not ours to count.
          const notOurs =
            testTimers.filter((timer) => !timer.fired).length + rawHost.pendingAnswers;
          leftAtSettle = {
            timers: jest.getTimerCount() - notOurs,
            appShow: rawHost.appShowListeners.length,
            signal: caller.listeners(),
          };
          callsAtSettle = backend.queries.length + backend.created.length;
          stageAt.resolved = Date.now();
        },
        () => {
          rejected = true;
        },
      );

      const { deadlineMs } = s.confirm;
      const bound = deadlineMs + s.hostTimeoutMs + deadlineMs + 5;
      await jest.advanceTimersByTimeAsync(bound);
      expect(rejected).toBe(false);
      if (!result) throw new Error(`not settled within ${bound} ms`);

      // A signal the library cannot use is refused at once, naming it; nothing is created.
      if (!caller.usable) {
        expect(result).toEqual({
          status: 'failed',
          code: 'invalid_params',
          detail: expect.stringMatching(/^signal must be/),
        });
        expect(backend.created).toHaveLength(0);
      }
      // Settles in time: by the abort, and each phase by its own bound.
      const settledAt = stageAt.resolved as number;
      if (s.abortAt !== undefined && s.signal !== 'none' && caller.usable) {
        expect(settledAt - start).toBeLessThanOrEqual(s.abortAt);
      }
      if (stageAt.awaiting_payment !== undefined) {
        expect(stageAt.awaiting_payment - start).toBeLessThanOrEqual(deadlineMs);
      }
      if (stageAt.confirming !== undefined) {
        expect(settledAt - stageAt.confirming).toBeLessThanOrEqual(deadlineMs);
      }
      // Paid only when the backend said paid, for this order.
      if (result.status === 'paid') {
        expect(result.order.state).toBe('paid');
        expect(
          backend.queries.some(
            (query) => query.orderId === result?.orderId && query.answered === 'paid',
          ),
        ).toBe(true);
      }
      // No cashier without an order; one at a time on the host, across both checkouts
      // (a lost sheet never answers, so the host is free again after its host timeout).
      const ourSheets = rawHost.calls.filter((call) => call.params.package !== OTHER_PACKAGE);
      if (!['payment', 'virtual'].includes(s.order)) expect(ourSheets).toHaveLength(0);
      expect(ourSheets.length).toBeLessThanOrEqual(1);
      // The host is free again once a sheet answers, or once the checkout gave it up (its host
      // timeout, or an app show without a callback: then a real sheet has closed).
      if (s.step !== 'lost' && s.answerDelayMs < s.hostTimeoutMs && s.showAt === undefined)
        expect(sheets.max).toBeLessThanOrEqual(1);
      // The caller is freed at once; the host side of a cashier it left open ends on its own.
      expect(leftAtSettle?.signal).toBe(0);
      const cashierLeftOpen =
        result.status === 'pending' &&
        result.outcome?.status === 'failed' &&
        result.outcome.code === 'aborted';
      if (s.second === undefined && !cashierLeftOpen) {
        expect(leftAtSettle).toEqual({ timers: 0, appShow: 0, signal: 0 });
      }
      await jest.advanceTimersByTimeAsync(60_000 + (s.second ?? 0) + bound);
      expect(backend.queries.length + backend.created.length).toBe(callsAtSettle);
      rawHost.deliverLost('cancel');
      await jest.advanceTimersByTimeAsync(s.hostTimeoutMs + s.resumeGraceMs + 2 * bound);
      expect(rawHost.appShowListeners).toHaveLength(0);
      expect(jest.getTimerCount()).toBe(0);
      // A second checkout refused busy created nothing.
      if (s.second !== undefined) {
        if (!otherResult) throw new Error('the second checkout did not settle');
        if (otherResult.status === 'failed' && otherResult.code === 'busy') {
          expect(otherBackend.created).toHaveLength(0);
        }
      }
      if (result.status === 'pending') expect(result.orderId).toBe('o-1');
      if (result.status === 'cancelled') expect(result.outcome.status).toBe('cancelled');
      if (result.status === 'failed' && ['invalid_params', 'busy'].includes(result.code)) {
        expect(backend.queries).toHaveLength(0);
      }
    }),
    { numRuns: 200 },
  );
});
