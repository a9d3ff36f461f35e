import type { AbortSignalLike } from '../core/abort-signal';
import type { FailedOutcome, PaymentOutcome } from '../core/outcome';
import { attempt } from './attempt';
import { readSnapshot } from './order';
import { timeout } from './timers';
import type {
  CheckoutFailCode,
  CheckoutResult,
  ConfirmOptions,
  OrderSnapshot,
  PaymentBackend,
} from './types';

/**
 * Queries `orderId` on the schedule until a final state, the deadline or `signal`, and
 * resolves what the backend said; `pending` without a final state. With `once`, a single
 * query at once without long-poll, and the cashier's `outcome` stands (`cancelled`, or
 * `host_error` / `payment_failed`) unless the backend has a final state.
 * Ends early when the next query would come after the deadline. A query in flight never
 * outlives the deadline: its signal aborts then and its answer is no longer awaited.
 */
export async function confirmOrder(
  backend: PaymentBackend,
  orderId: string,
  schedule: Required<ConfirmOptions>,
  signal: AbortSignalLike | undefined,
  once?: boolean,
  outcome?: PaymentOutcome,
): Promise<CheckoutResult> {
  const { deadlineMs, growth, maxIntervalMs } = schedule;
  const end = Date.now() + deadlineMs;
  let next = end - deadlineMs + (once ? 0 : schedule.firstDelayMs);
  let interval = schedule.intervalMs;
  let order: OrderSnapshot | undefined;
  let last = 'none';
  while (next < end) {
    if (next > Date.now()) {
      await new Promise<void>((wake) => timeout(next - Date.now(), signal, wake));
    }
    const started = Date.now();
    if (started >= end || signal?.aborted) break;
    const waitMs = once
      ? 0
      : // A second left for the answer of a long-poll before the deadline.
        Math.max(0, Math.min(schedule.waitMs, end - started - 1000));
    const answer = await attempt(
      'queryOrder',
      (signal) => backend.queryOrder(orderId, { waitMs, signal }),
      (value) => readSnapshot(value, orderId),
      end - started,
      signal,
    );
    if (typeof answer === 'string') last = answer;
    else {
      order = answer;
      last = answer.state;
      if (last !== 'pending') break;
    }
    if (once) break;
    next = started + interval;
    interval = Math.min(interval * growth, maxIntervalMs);
  }
  const { code, detail } = (outcome || {}) as FailedOutcome;
  // A final state is always the last answer (a later failure is not a state).
  const state = order?.state;
  return state === 'paid'
    ? { status: 'paid', orderId, order: order as OrderSnapshot, outcome }
    : order && state !== 'pending'
      ? {
          status: 'failed',
          code: state !== 'failed' ? (`order_${state}` as CheckoutFailCode) : 'payment_failed',
          detail: `the order is ${state}`,
          orderId,
          order,
          outcome,
        }
      : outcome?.status === 'cancelled'
        ? { status: 'cancelled', orderId, outcome }
        : code === 'host_error'
          ? {
              status: 'failed',
              code: order ? 'payment_failed' : code,
              detail,
              orderId,
              order,
              outcome,
            }
          : {
              status: 'pending',
              orderId,
              detail: `not confirmed${once ? '' : ` in ${deadlineMs} ms`} (last: ${last})`,
              outcome,
            };
}
