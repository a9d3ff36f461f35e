// The scenarios of the checkout's property tests: drawn as plain data (readable
// counterexamples), built inside the property.
import fc from 'fast-check';
import type { OrderState } from 'miniprogram-pay';
import {
  CASHIER_BEHAVIOURS,
  type CashierStep,
  type FakeAnswer,
  type FakeBackendOptions,
} from 'miniprogram-pay/testing';
import type { SignalKind } from './caller-signals';
import { HOST_MEMBERS } from './host-faults';

const STEPS: CashierStep[] = [...CASHIER_BEHAVIOURS];
export const STATES: OrderState[] = ['pending', 'paid', 'closed', 'failed', 'refunded'];
export const PAYMENT = {
  timeStamp: '1700000000',
  nonceStr: 'n',
  package: 'prepay_id=wx1',
  paySign: 's',
};
/** The package of the second checkout's orders, to tell its sheets from ours. */
export const OTHER_PACKAGE = 'prepay_id=wx2';
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

/** The arbitraries of a scenario, field by field: a property may narrow some of them. */
const SCENARIO = {
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
};

type ScenarioArbitraries = typeof SCENARIO;

/** A scenario: what the host, the backend, the page and the caller do, in time. */
export type Scenario = {
  [field in keyof ScenarioArbitraries]: ScenarioArbitraries[field] extends fc.Arbitrary<infer T>
    ? T
    : never;
};

/** Scenarios, with the arbitraries of `narrowed` fields replaced. */
export function scenarios(
  narrowed: { [field in keyof Scenario]?: fc.Arbitrary<Scenario[field]> } = {},
): fc.Arbitrary<Scenario> {
  return fc.record({ ...SCENARIO, ...narrowed }) as fc.Arbitrary<Scenario>;
}

export function createOrderScript(kind: string): FakeBackendOptions['order'] {
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
