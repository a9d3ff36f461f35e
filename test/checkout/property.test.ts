import fc from 'fast-check';
import { type CheckoutResult, createCheckout, type OrderState } from 'miniprogram-pay';
import {
  CASHIER_BEHAVIOURS,
  type CashierStep,
  createFakeBackend,
  createFakeHost,
  type FakeAnswer,
  type FakeBackendOptions,
} from 'miniprogram-pay/testing';
import { countingSignal } from './helpers';

const STEPS: CashierStep[] = [...CASHIER_BEHAVIOURS];
const STATES: OrderState[] = ['pending', 'paid', 'closed', 'failed', 'refunded'];
const PAYMENT = {
  timeStamp: '1700000000',
  nonceStr: 'n',
  package: 'prepay_id=wx1',
  paySign: 's',
};
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

test('pay() under random hosts, backends and aborts: never rejects, settles in time, paid only from the backend, leaves nothing behind', async () => {
  await fc.assert(
    fc.asyncProperty(scenario, async (s) => {
      jest.clearAllTimers();
      const host = createFakeHost({ cashier: s.step, answerDelayMs: s.answerDelayMs });
      const backend = createFakeBackend({
        ...s.backend,
        order: createOrderScript(s.order),
        createLatencyMs: s.createLatencyMs,
      });
      const stageAt: Record<string, number> = {};
      const checkout = createCheckout({
        backend,
        host,
        confirm: s.confirm,
        hostTimeoutMs: s.hostTimeoutMs,
        resumeGraceMs: s.resumeGraceMs,
        onStage: (stage) => {
          stageAt[stage] = Date.now();
        },
      });
      const controller = countingSignal();
      const testTimers: Array<{ fired: boolean; id: ReturnType<typeof setTimeout> }> = [];
      const at = (ms: number | undefined, run: () => void) => {
        if (ms === undefined) return;
        const timer = {
          fired: false,
          id: setTimeout(() => {
            timer.fired = true;
            run();
          }, ms),
        };
        testTimers.push(timer);
      };
      at(s.showAt, () => host.showApp());
      at(s.abortAt, () => controller.abort());
      at(s.lateSetState?.[0], () => backend.setState(s.lateSetState?.[1] as OrderState));

      const start = Date.now();
      let result: CheckoutResult | undefined;
      let rejected = false;
      let leftAtSettle: { timers: number; appShow: number; signal: number } | undefined;
      let callsAtSettle = 0;
      checkout.pay({ item: 1 }, { signal: controller.signal }).then(
        (value) => {
          result = value;
          // The fake cashier's own answer timer, when it has not answered yet, is not ours to count.
          const cashierTimers = s.answerDelayMs > 0 ? host.pendingAnswers : 0;
          const ours = testTimers.filter((timer) => !timer.fired).length + cashierTimers;
          leftAtSettle = {
            timers: jest.getTimerCount() - ours,
            appShow: host.appShowListeners.length,
            signal: controller.listeners,
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

      // Settles in time: by the abort, and each phase by its own bound.
      const settledAt = stageAt.resolved as number;
      if (s.abortAt !== undefined) expect(settledAt - start).toBeLessThanOrEqual(s.abortAt);
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
      // At most one cashier, none without an order.
      expect(host.sheetsOpened).toBeLessThanOrEqual(1);
      if (!['payment', 'virtual'].includes(s.order)) expect(host.sheetsOpened).toBe(0);
      // Nothing left behind, nothing called after settling.
      expect(leftAtSettle).toEqual({ timers: 0, appShow: 0, signal: 0 });
      await jest.advanceTimersByTimeAsync(60_000);
      expect(backend.queries.length + backend.created.length).toBe(callsAtSettle);
      // The result is well formed.
      expect(['paid', 'cancelled', 'failed', 'pending']).toContain(result.status);
      if (result.status === 'pending') expect(result.orderId).toBe('o-1');
      if (result.status === 'cancelled') expect(result.outcome.status).toBe('cancelled');
      if (result.status === 'failed' && ['invalid_params', 'busy'].includes(result.code)) {
        expect(backend.queries).toHaveLength(0);
      }
    }),
    { numRuns: 150 },
  );
});
