import { type PaymentOutcome, refusal } from '../../core/outcome';
import { checkoutMessages as say } from '../messages';
import type { CheckoutFailCode, CheckoutResult } from '../types';
import type { Confirmation } from './ask-backend';
import type { OrderCreation } from './create-order';
import type { CashierEnd } from './open-cashier';

/** What else decides the wording of a result. */
export interface ResultContext {
  readonly deadlineMs: number;
  /** A resumed order kept as long as a prepay_id lives: this was its last check. */
  readonly givenUp?: boolean;
}

/**
 * Step 4 of `pay()`, and the end of `confirm()` and of each resumed order: the one place a
 * result is decided. Paid only when the backend says so; a final state of the backend wins
 * over what the host said; without one the host's answer stands, else the order is pending.
 */
export function buildResult(
  creation: OrderCreation,
  cashier: CashierEnd,
  confirmation: Confirmation,
  context: ResultContext,
): CheckoutResult {
  const result = decide(creation, cashier, confirmation, context);
  // The kind of order pay() created travels with the result (a transfer is "received").
  const kind = creation.ok ? creation.order?.kind : undefined;
  return kind ? { ...result, kind } : result;
}

function decide(
  creation: OrderCreation,
  cashier: CashierEnd,
  confirmation: Confirmation,
  context: ResultContext,
): CheckoutResult {
  if (!creation.ok) {
    const { reason, message } = creation.failure;
    if (reason === 'aborted') return { status: 'failed', code: 'aborted', detail: message };
    return { status: 'failed', code: 'create_order_failed', detail: message };
  }
  const { orderId } = creation;
  const outcome = outcomeOf(cashier);
  const order = confirmation.asked ? confirmation.order : undefined;
  const failed = (code: CheckoutFailCode, detail: string): CheckoutResult => {
    return { status: 'failed', code, detail, orderId, order, outcome };
  };

  if (order?.state === 'paid') return { status: 'paid', orderId, order, outcome };
  if (order?.state === 'closed') return failed('order_closed', say.orderClosed);
  if (order?.state === 'refunded') return failed('order_refunded', say.orderRefunded);
  if (order?.state === 'failed') return failed('payment_failed', say.paymentFailed);

  if (outcome?.status === 'cancelled') return { status: 'cancelled', orderId, outcome };
  if (outcome?.status === 'failed') {
    const { code, detail } = outcome;
    if (code === 'invalid_params' || code === 'unsupported' || code === 'busy')
      return failed(code, detail);
    if (code === 'host_error' && order)
      return failed('payment_failed', say.hostFailedNothingPaid(detail));
    if (code === 'host_error') return failed('host_error', detail);
  }
  if (confirmation.asked && !order && confirmation.lastFailure?.reason === 'unknown_order') {
    return failed('order_unknown', say.orderUnknown);
  }
  return {
    status: 'pending',
    orderId,
    detail: pendingDetail(outcome, confirmation, context),
    outcome,
  };
}

/** The outcome a result carries: the host's, or for a lost callback a `timeout` that says so. */
function outcomeOf(cashier: CashierEnd): PaymentOutcome | undefined {
  if (cashier.ended === 'answered') return cashier.outcome;
  if (cashier.ended === 'lost') return refusal('timeout', say.lostCallback(cashier.graceMs));
  return undefined;
}

function pendingDetail(
  outcome: PaymentOutcome | undefined,
  confirmation: Confirmation,
  { deadlineMs, givenUp }: ResultContext,
): string {
  const abortedInCashier = outcome?.status === 'failed' && outcome.code === 'aborted';
  if (abortedInCashier || !confirmation.asked || confirmation.aborted) return say.abortedWithOrder;
  const { order, lastFailure, mode } = confirmation;
  let last = say.neverAnswered;
  if (lastFailure) last = say.lastQueryFailed(lastFailure.message);
  else if (order) last = say.lastSaidPending;
  const detail = mode === 'once' ? say.notFinalYet(last) : say.notConfirmed(deadlineMs, last);
  return givenUp ? detail + say.givenUp : detail;
}
