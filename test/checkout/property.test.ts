// pay() under random hosts, backends, signals and aborts, with a second checkout on the same
// host: each property below is checked on its own scenarios, and can fail on its own.
import fc from 'fast-check';
import { CASHIER_BEHAVIOURS, type CashierStep } from 'miniprogram-pay/testing';
import { type Played, play } from './property/play';
import { type Scenario, scenarios } from './property/scenario';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const RUNS = { numRuns: 200 };

/** Checks `property` of what each drawn scenario did. */
function holds(arbitrary: fc.Arbitrary<Scenario>, property: (played: Played) => void) {
  return fc.assert(
    fc.asyncProperty(arbitrary, async (scenario) => property(await play(scenario))),
    RUNS,
  );
}

/** The result, which every scenario has (see the first property). */
const resultOf = (played: Played) => {
  if (!played.result) throw new Error('pay() did not settle');
  return played.result;
};

it('never rejects, and settles within a deadline, a host timeout and a deadline', async () => {
  await holds(scenarios(), (played) => {
    expect(played.rejected).toBe(false);
    expect(played.result).toBeDefined();
  });
});

it('a signal the library cannot use is refused at once, naming it, creating nothing', async () => {
  const unusable = fc.constantFrom<Scenario['signal']>(
    'no-add',
    'throwing-add',
    'throwing-aborted',
  );
  await holds(scenarios({ signal: unusable }), (played) => {
    expect(played.result).toEqual({
      status: 'failed',
      code: 'invalid_params',
      detail: expect.stringMatching(/^signal must be/),
    });
    expect(played.callsAtEnd).toBe(0);
  });
});

it('an abort through a usable signal settles the call by the time it aborts', async () => {
  const usable = fc.constantFrom<Scenario['signal']>(
    'counting',
    'controller',
    'no-remove',
    'proxy',
  );
  await holds(
    scenarios({ signal: usable, abortAt: fc.integer({ min: 0, max: 40_000 }) }),
    (played) => {
      expect(played.stageAt.resolved).toBeLessThanOrEqual(played.scenario.abortAt as number);
    },
  );
});

it('each phase keeps to the deadline: the cashier opens within it, the confirmation ends within it', async () => {
  await holds(scenarios(), ({ stageAt, scenario }) => {
    const { deadlineMs } = scenario.confirm;
    expect(stageAt.awaiting_payment ?? 0).toBeLessThanOrEqual(deadlineMs);
    const confirming = stageAt.confirming ?? stageAt.resolved;
    expect((stageAt.resolved as number) - (confirming as number)).toBeLessThanOrEqual(deadlineMs);
  });
});

it('paid only when the backend said paid, for this order', async () => {
  await holds(scenarios(), (played) => {
    const result = resultOf(played);
    if (result.status !== 'paid') return;
    expect(result.order.state).toBe('paid');
    expect(played.backendSaidPaid).toBe(true);
  });
});

it('no cashier opens for an order that was not created, or whose parameters are invalid', async () => {
  const noOrder = fc.constantFrom('invalid', 'throw', 'reject', 'garbage', 'hang');
  await holds(scenarios({ order: noOrder }), (played) => {
    expect(played.ourSheets).toBe(0);
  });
});

it('a pay() opens one cashier at the most', async () => {
  await holds(scenarios(), (played) => {
    expect(played.ourSheets).toBeLessThanOrEqual(1);
  });
});

it('one sheet at a time on the host, across both checkouts, while sheets answer in time', async () => {
  const answering = CASHIER_BEHAVIOURS.filter((step) => step !== 'lost');
  await holds(
    scenarios({
      step: fc.constantFrom<CashierStep>(...answering),
      answerDelayMs: fc.integer({ min: 0, max: 1000 }),
      hostTimeoutMs: fc.integer({ min: 1001, max: 15_000 }),
      showAt: fc.constant(undefined),
      second: fc.integer({ min: 0, max: 6000 }),
    }),
    (played) => {
      expect(played.mostSheetsOpen).toBeLessThanOrEqual(1);
    },
  );
});

it("the caller's signal is let go the moment the call settles", async () => {
  await holds(scenarios(), (played) => {
    expect(played.leftAtSettle?.signal).toBe(0);
  });
});

it('leaves no timer and no app-show listener at settle, unless the caller left the cashier open', async () => {
  await holds(scenarios({ second: fc.constant(undefined) }), (played) => {
    const result = resultOf(played);
    const cashierLeftOpen =
      result.status === 'pending' &&
      result.outcome?.status === 'failed' &&
      result.outcome.code === 'aborted';
    if (!cashierLeftOpen) expect(played.leftAtSettle).toEqual({ timers: 0, appShow: 0, signal: 0 });
  });
});

it('asks the backend nothing after it settled', async () => {
  await holds(scenarios(), (played) => {
    expect(played.callsAtEnd).toBe(played.callsAtSettle);
  });
});

it('the host side ends on its own: once its sheets are gone, no listener and no timer is left', async () => {
  await holds(scenarios(), (played) => {
    expect(played.appShowAtEnd).toBe(0);
    expect(played.timersAtEnd).toBe(0);
  });
});

it('a second checkout on the same host settles, and creates nothing when refused busy', async () => {
  await holds(scenarios({ second: fc.integer({ min: 0, max: 6000 }) }), (played) => {
    const other = played.otherResult;
    if (!other) throw new Error('the second checkout did not settle');
    if (other.status === 'failed' && other.code === 'busy') expect(played.otherCreated).toBe(0);
  });
});

it('a pending result is about our order', async () => {
  await holds(scenarios(), (played) => {
    const result = resultOf(played);
    if (result.status === 'pending') expect(result.orderId).toBe('o-1');
  });
});

it("a cancelled result carries the host's cancel", async () => {
  await holds(scenarios(), (played) => {
    const result = resultOf(played);
    if (result.status === 'cancelled') expect(result.outcome.status).toBe('cancelled');
  });
});

it('a refusal (invalid_params, busy) asked the backend nothing', async () => {
  await holds(scenarios(), (played) => {
    const result = resultOf(played);
    if (result.status === 'failed' && ['invalid_params', 'busy'].includes(result.code)) {
      expect(played.queries).toBe(0);
    }
  });
});
