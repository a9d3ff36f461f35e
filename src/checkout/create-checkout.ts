import { type AbortSignalLike, createAbortController, onAbort } from '../core/abort-signal';
import type { FailedOutcome, PaymentOutcome } from '../core/outcome';
import { describeValue } from '../validation/rules';
import { attempt } from './attempt';
import { openCashier } from './cashier';
import { readConfig } from './config';
import { DEFAULT_RESUME_GRACE_MS } from './confirm-options';
import { confirmOrder } from './confirm-order';
import { readOrder } from './order';
import { createPendingStore } from './pending-store';
import { deadline } from './timers';
import type {
  Checkout,
  CheckoutConfig,
  CheckoutResult,
  CheckoutStage,
  OrderSnapshot,
} from './types';

/** What a running call knows; read when it settles early (abort). */
interface Call {
  signal: AbortSignalLike;
  stage(stage: CheckoutStage): void;
  orderId?: string;
  outcome?: PaymentOutcome;
}

/**
 * Creates a checkout: `pay(input)` creates the order on your backend, opens the host's
 * cashier, then asks the backend until it says how the order ended. `paid` only ever comes
 * from the backend. Never rejects; only a bad `config` throws (a TypeError naming the option).
 *
 * @example
 * const checkout = createCheckout({ backend: httpBackend({ baseUrl: 'https://shop.example' }) })
 * const result = await checkout.pay({ sku: 'coffee' })
 * if (result.status === 'paid') wx.showToast({ title: 'Paid' })
 */
export function createCheckout(config: CheckoutConfig): Checkout {
  const schedule = readConfig(config);
  const { backend, host, onStage } = config;
  const store = createPendingStore(host, config.persistPending);
  let running = 0;

  /** Runs one call; settles once, with its result or at once on the caller's abort. */
  const run = (
    callerSignal: AbortSignalLike | undefined,
    flow: (call: Call) => Promise<CheckoutResult>,
    tracked?: boolean,
  ) =>
    new Promise<CheckoutResult>((resolve) => {
      const scope = createAbortController();
      const call: Call = {
        signal: scope.signal,
        stage(stage) {
          try {
            if (tracked) onStage?.(stage, { orderId: call.orderId });
          } catch {}
        },
      };
      const settle = (result: CheckoutResult) => {
        if (scope.signal.aborted) return;
        if (tracked) running--;
        stopCaller();
        scope.abort();
        if (result.orderId) store.update(result.orderId, result.status === 'pending');
        call.stage('settled');
        resolve(result);
      };
      const aborted = () => {
        const { orderId, outcome } = call;
        settle(
          orderId
            ? { status: 'pending', orderId, detail: 'aborted; confirm it later', outcome }
            : { status: 'failed', code: 'aborted', detail: 'aborted' },
        );
      };
      if (tracked) running++;
      const stopCaller = onAbort(callerSignal, aborted);
      if (callerSignal?.aborted) aborted();
      else flow(call).then(settle, aborted);
    });

  /** The result of a final snapshot; `undefined` while the order is pending or unknown. */
  const ended = (
    order: OrderSnapshot | undefined,
    outcome?: PaymentOutcome,
  ): CheckoutResult | undefined => {
    const { orderId, state } = order || ({} as OrderSnapshot);
    return !order || state === 'pending'
      ? undefined
      : state === 'paid'
        ? { status: 'paid', orderId, order, outcome }
        : {
            status: 'failed',
            code: state === 'failed' ? 'payment_failed' : `order_${state}`,
            detail: `the order is ${state}`,
            orderId,
            order,
            outcome,
          };
  };

  async function payFlow(input: unknown, call: Call): Promise<CheckoutResult> {
    call.stage('creating_order');
    const limit = deadline(schedule.deadlineMs, call.signal);
    const order = await attempt(
      'createOrder',
      () => backend.createOrder(input, { signal: limit.signal }),
      readOrder,
      limit.signal,
    );
    limit.stop();
    if (typeof order === 'string') {
      return { status: 'failed', code: 'create_order_failed', detail: order };
    }
    const { orderId } = order;
    call.orderId = orderId;
    call.stage('awaiting_payment');
    const outcome = await openCashier(
      order,
      host,
      call.signal,
      config.hostTimeoutMs,
      config.resumeGraceMs ?? DEFAULT_RESUME_GRACE_MS,
    );
    call.outcome = outcome;
    const { code, detail } = outcome as Partial<FailedOutcome>;
    // The host was never reached: nothing can have been paid.
    if (code && code !== 'host_error' && code !== 'timeout') {
      return { status: 'failed', code, detail: detail as string, orderId, outcome };
    }
    // ok, or no callback at all: the payment may have gone through, query until known.
    // cancelled or failed: "cancel" is sometimes a payment that went through, query once.
    const unknown = outcome.status === 'ok' || code === 'timeout';
    call.stage('confirming');
    const confirmation = await confirmOrder(backend, orderId, schedule, call.signal, !unknown);
    const snapshot = confirmation.order;
    return (
      ended(snapshot, outcome) ||
      (unknown
        ? { status: 'pending', orderId, detail: confirmation.detail, outcome }
        : code
          ? {
              status: 'failed',
              code: snapshot ? 'payment_failed' : code,
              detail: detail as string,
              orderId,
              outcome,
              order: snapshot,
            }
          : { status: 'cancelled', orderId, outcome })
    );
  }

  async function confirmFlow(orderId: unknown, call: Call, once?: boolean) {
    if (typeof orderId !== 'string' || !orderId) {
      const detail = `orderId: ${describeValue(orderId)}`;
      return { status: 'failed', code: 'invalid_params', detail } as const;
    }
    call.orderId = orderId;
    call.stage('confirming');
    const { order, detail } = await confirmOrder(backend, orderId, schedule, call.signal, once);
    return ended(order) || { status: 'pending', orderId, detail };
  }

  return {
    pay(input, options) {
      return running
        ? Promise.resolve({ status: 'failed', code: 'busy', detail: 'checkout busy' })
        : run(options?.signal, (call) => payFlow(input, call), true);
    },
    confirm(orderId, options) {
      return run(options?.signal, (call) => confirmFlow(orderId, call), true);
    },
    resumePending() {
      return Promise.all(
        store.read().map((orderId) => run(undefined, (call) => confirmFlow(orderId, call, true))),
      );
    },
  };
}
