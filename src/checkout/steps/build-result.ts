import { type PaymentOutcome, refusal } from '../../core/outcome';
import type { OrderSnapshot, PreparedOrder } from '../../shared/wire-types';
import type { CallFailure } from '../bounded-call';
import { resultDetails as say } from '../result-details';
import type { CheckoutFailCode, CheckoutResult } from '../types';
import type { CashierEnd } from './open-cashier';
import type { OrderPoll } from './poll-order';

/*
 * Where results are decided. Paid only when the backend says so; a final state of the backend
 * wins over what the host said; without one the host's answer stands, else the order is
 * pending (or unknown to the backend).
 */

/** A `pay()` whose order could not be created: nothing else happened. */
export function creationFailed({ reason, message }: CallFailure): CheckoutResult {
  const code = reason === 'aborted' ? 'aborted' : 'create_order_failed';
  return { status: 'failed', code, detail: message };
}

/**
 * Step 4 of `pay()`: the result of an order whose cashier opened (or was refused). It carries
 * the host's outcome and the order's kind (a transfer is "received").
 */
export function payResult(
  { orderId, kind }: PreparedOrder,
  cashier: CashierEnd,
  poll: OrderPoll | undefined,
  deadlineMs: number,
): CheckoutResult {
  const outcome: PaymentOutcome =
    cashier.ended === 'answered'
      ? cashier.outcome
      : refusal('timeout', say.lostCallback(cashier.graceMs));
  const order = poll?.order;
  const result =
    stateResult(orderId, order) ??
    hostResult(orderId, outcome, order) ??
    unsettledResult(orderId, poll, { deadlineMs });
  return { ...result, outcome, kind };
}

/** The result of an order known only from what the backend answered (`confirm()`, resumed). */
export function polledResult(
  orderId: string,
  poll: OrderPoll,
  context: UnsettledContext,
): CheckoutResult {
  return stateResult(orderId, poll.order) ?? unsettledResult(orderId, poll, context);
}

/** A failed result about an order, with the backend's last snapshot of it. */
function failed(
  code: CheckoutFailCode,
  detail: string,
  orderId: string,
  order?: OrderSnapshot,
): CheckoutResult {
  return { status: 'failed', code, detail, orderId, order };
}

/** The backend's final state, if it gave one. */
function stateResult(
  orderId: string,
  order: OrderSnapshot | undefined,
): CheckoutResult | undefined {
  switch (order?.state) {
    case 'paid':
      return { status: 'paid', orderId, order };
    case 'closed':
      return failed('order_closed', say.orderClosed, orderId, order);
    case 'refunded':
      return failed('order_refunded', say.orderRefunded, orderId, order);
    case 'failed':
      return failed('payment_failed', say.paymentFailed, orderId, order);
    default:
      return undefined;
  }
}

/** What the host's answer decides without a final state: a cancel, or a failure. */
function hostResult(
  orderId: string,
  outcome: PaymentOutcome,
  order: OrderSnapshot | undefined,
): CheckoutResult | undefined {
  if (outcome.status === 'cancelled') return { status: 'cancelled', orderId, outcome };
  if (outcome.status !== 'failed') return undefined;
  const { code, detail } = outcome;
  if (code === 'invalid_params' || code === 'unsupported')
    return failed(code, detail, orderId, order);
  if (code !== 'host_error') return undefined;
  if (!order) return failed(code, detail, orderId);
  return failed('payment_failed', say.hostFailedNothingPaid(detail), orderId, order);
}

/** What else decides the wording of a result without a final state. */
export interface UnsettledContext {
  readonly deadlineMs: number;
  /** A resumed order kept as long as a prepay_id lives: this was its last check. */
  readonly givenUp?: boolean;
}

/**
 * No final state: the backend does not know the order, or it is pending, saying why. Without
 * a poll (the call was aborted before any query), the order may still be paid.
 */
function unsettledResult(
  orderId: string,
  poll: OrderPoll | undefined,
  { deadlineMs, givenUp }: UnsettledContext,
): CheckoutResult {
  if (poll && !poll.order && poll.lastFailure?.reason === 'unknown_order') {
    return failed('order_unknown', say.orderUnknown, orderId);
  }
  if (!poll || poll.aborted) return { status: 'pending', orderId, detail: say.abortedWithOrder };
  const { order, lastFailure, mode } = poll;
  let last = say.neverAnswered;
  if (lastFailure) last = say.lastQueryFailed(lastFailure.message);
  else if (order) last = say.lastSaidPending;
  const detail = mode === 'once' ? say.notFinalYet(last) : say.notConfirmed(deadlineMs, last);
  return { status: 'pending', orderId, detail: givenUp ? detail + say.givenUp : detail };
}
