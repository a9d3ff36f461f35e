import { type CheckoutResult, createCheckout, type OrderState } from 'miniprogram-pay';
import { createFakeBackend, createFakeHost } from 'miniprogram-pay/testing';
import { makeSignal } from './caller-signals';
import { countOpenSheets, withThrowingGetter } from './host-faults';
import { createOrderScript, OTHER_PACKAGE, PAYMENT, type Scenario } from './scenario';

/** What one scenario did, as the properties read it. */
export interface Played {
  readonly scenario: Scenario;
  /** The result of our `pay()`; undefined if it rejected or did not settle in time. */
  readonly result: CheckoutResult | undefined;
  readonly rejected: boolean;
  /** Fake ms from the call to each stage, and to `resolved`. */
  readonly stageAt: Readonly<Record<string, number>>;
  /** Whether the caller's signal was usable by the library. */
  readonly usableSignal: boolean;
  /** At settle: our timers, app-show listeners and caller-signal listeners left. */
  readonly leftAtSettle: { timers: number; appShow: number; signal: number } | undefined;
  /** Backend calls at settle, and once everything ran out. */
  readonly callsAtSettle: number;
  readonly callsAtEnd: number;
  /** Whether the backend answered `paid` for the order of our result. */
  readonly backendSaidPaid: boolean;
  /** Our sheets (the second checkout's left out), and the most sheets ever open at once. */
  readonly ourSheets: number;
  readonly mostSheetsOpen: number;
  /** Once every sheet answered and every timer ran out: what is left. */
  readonly appShowAtEnd: number;
  readonly timersAtEnd: number;
  /** The second checkout's result, and whether it created an order. */
  readonly otherResult: CheckoutResult | undefined;
  readonly otherCreated: number;
  readonly queries: number;
}

/**
 * Plays a scenario under jest's fake timers: our `pay()` with the caller's signal, a second
 * checkout on the same host, an app show, an abort and a late state change at their times;
 * then lets everything run out.
 */
export async function play(s: Scenario): Promise<Played> {
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
      stageAt[stage] = Date.now() - start;
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
  let leftAtSettle: Played['leftAtSettle'];
  let callsAtSettle = 0;
  checkout.pay({ item: 1 }, { signal: caller.signal }).then(
    (value) => {
      result = value;
      // The fake cashier's own answer timers, and the test's, are not ours to count.
      const notOurs = testTimers.filter((timer) => !timer.fired).length + rawHost.pendingAnswers;
      leftAtSettle = {
        timers: jest.getTimerCount() - notOurs,
        appShow: rawHost.appShowListeners.length,
        signal: caller.listeners(),
      };
      callsAtSettle = backend.queries.length + backend.created.length;
      stageAt.resolved = Date.now() - start;
    },
    () => {
      rejected = true;
    },
  );
  const { deadlineMs } = s.confirm;
  const bound = deadlineMs + s.hostTimeoutMs + deadlineMs + 5;
  await jest.advanceTimersByTimeAsync(bound);
  const settled = result as CheckoutResult | undefined;
  await jest.advanceTimersByTimeAsync(60_000 + (s.second ?? 0) + bound);
  const callsAtEnd = backend.queries.length + backend.created.length;
  rawHost.deliverLost('cancel');
  await jest.advanceTimersByTimeAsync(s.hostTimeoutMs + s.resumeGraceMs + 2 * bound);
  return {
    scenario: s,
    result: settled,
    rejected,
    stageAt,
    usableSignal: caller.usable,
    leftAtSettle,
    callsAtSettle,
    callsAtEnd,
    backendSaidPaid: backend.queries.some(
      (query) => query.orderId === settled?.orderId && query.answered === 'paid',
    ),
    ourSheets: rawHost.calls.filter((call) => call.params.package !== OTHER_PACKAGE).length,
    mostSheetsOpen: sheets.max,
    appShowAtEnd: rawHost.appShowListeners.length,
    timersAtEnd: jest.getTimerCount(),
    otherResult,
    otherCreated: otherBackend.created.length,
    queries: backend.queries.length,
  };
}
