import { type AbortSignalLike, onAbort } from '../core/abort-signal';
import type { FailedOutcome, PaymentOutcome } from '../core/outcome';
import { describeValue } from '../validation/rules';
import { attempt } from './attempt';
import { openCashier } from './cashier';
import { readConfig } from './config';
import { confirmOrder } from './confirm-order';
import { readOrder } from './order';
import { createPendingStore } from './pending-store';
import type { Checkout, CheckoutConfig, CheckoutResult, CheckoutStage } from './types';

/**
 * Reports a stage of the running call; `orderId` and `outcome` once known (kept for an
 * early settle on abort).
 */
type Stage = (stage: CheckoutStage, orderId?: string, outcome?: PaymentOutcome) => void;

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
  const [readPending, remember] = createPendingStore(host, config.persistPending);
  let running = 0;

  /** Runs a `pay()` or `confirm()`; settles once, with its result or at once on the caller's abort. */
  const run = (
    signal: AbortSignalLike | undefined,
    flow: (signal: AbortSignalLike | undefined, stage: Stage) => Promise<CheckoutResult>,
  ) =>
    new Promise<CheckoutResult>((resolve) => {
      let orderId: string | undefined;
      let outcome: PaymentOutcome | undefined;
      // Set while the call runs: stops listening to the caller's signal.
      let stopCaller: (() => void) | undefined;
      const stage: Stage = (name, id = orderId, result = outcome) => {
        orderId = id;
        outcome = result;
        try {
          onStage?.(name, { orderId });
        } catch {}
      };
      const settle = (result: CheckoutResult) => {
        if (stopCaller) {
          stopCaller();
          stopCaller = undefined;
          running--;
          resolve(remember(result));
          stage('settled');
        }
      };
      const aborted = () =>
        settle(
          orderId
            ? { status: 'pending', orderId, detail: 'aborted', outcome }
            : { status: 'failed', code: 'aborted', detail: 'aborted' },
        );
      running++;
      // What the flow starts (timers, listeners, backend calls) stops with the caller's signal,
      // and has ended by the time the flow resolves.
      stopCaller = onAbort(signal, aborted);
      if (signal?.aborted) aborted();
      else flow(signal, stage).then(settle, aborted);
    });

  return {
    pay: (input, options) =>
      running
        ? Promise.resolve({ status: 'failed', code: 'busy', detail: 'busy' })
        : run(options?.signal, async (signal, stage) => {
            stage('creating_order');
            const order = await attempt(
              'createOrder',
              (signal) => backend.createOrder(input, { signal }),
              readOrder,
              schedule.deadlineMs,
              signal,
            );
            if (typeof order === 'string') {
              return { status: 'failed', code: 'create_order_failed', detail: order };
            }
            const { orderId } = order;
            stage('awaiting_payment', orderId);
            const outcome = await openCashier(order, host, signal, schedule);
            const { code, detail } = outcome as FailedOutcome;
            // The host was never reached: nothing can have been paid.
            if (code && code !== 'timeout' && code !== 'host_error') {
              return { status: 'failed', code, detail, orderId, outcome };
            }
            // ok, or no callback at all: the payment may have gone through, query until known.
            // cancelled or failed: "cancel" is sometimes a payment that went through, query once.
            stage('confirming', orderId, outcome);
            return confirmOrder(
              backend,
              orderId,
              schedule,
              signal,
              outcome.status !== 'ok' && code !== 'timeout',
              outcome,
            );
          }),
    confirm: (orderId, options) =>
      run(options?.signal, async (signal, stage) => {
        if (typeof orderId !== 'string' || !orderId) {
          return {
            status: 'failed',
            code: 'invalid_params',
            detail: `orderId: ${describeValue(orderId)}`,
          };
        }
        stage('confirming', orderId);
        return confirmOrder(backend, orderId, schedule, signal);
      }),
    // No stages, and pay() is not blocked: a plain single query of each stored order.
    resumePending: () =>
      Promise.all(
        readPending().map(async (orderId) =>
          remember(await confirmOrder(backend, orderId, schedule, undefined, true)),
        ),
      ),
  };
}
