import type { OrderState } from './wire-types';

/**
 * Platform states (in lower case) and the order state each means: WeChat Pay's
 * `trade_state`, virtual payment's order status, B2b payment's `pay_status` and the merchant
 * transfer bill's `state`. Anything else is pending.
 */
const PLATFORM_STATES = new Map<string, OrderState>([
  // WeChat Pay trade_state (SUCCESS is also a completed transfer bill).
  ['success', 'paid'],
  ['refund', 'refunded'],
  ['closed', 'closed'],
  ['revoked', 'closed'],
  ['payerror', 'failed'],
  // B2b pay_status: ORDER_INIT and ORDER_PRE_PAY are pending.
  ['order_pay_succ', 'paid'],
  ['order_close', 'closed'],
  ['order_refund_processing', 'refunded'],
  ['order_refund', 'refunded'],
  // Merchant transfer bill state: ACCEPTED, PROCESSING, WAIT_USER_CONFIRM, TRANSFERING and
  // CANCELING are pending.
  ['fail', 'failed'],
  ['cancelled', 'closed'],
  // Virtual payment order status: 2 paid, 3 delivering, 4 delivered, 5 refunded, 6 closed,
  // 7 refund failed (the payment stands).
  ['2', 'paid'],
  ['3', 'paid'],
  ['4', 'paid'],
  ['5', 'refunded'],
  ['6', 'closed'],
  ['7', 'paid'],
]);

/**
 * Maps a platform's order state to an {@link OrderState}, for your backend or a
 * `httpBackend` mapping: WeChat Pay's `trade_state` (SUCCESS paid; REFUND refunded; NOTPAY,
 * USERPAYING, ACCEPT pending; CLOSED, REVOKED closed; PAYERROR failed), virtual payment's
 * order status (0, 1 pending; 2 paid, 3 delivering, 4 delivered: paid; 5 refunded; 6 closed;
 * 7 refund failed: paid), B2b payment's `pay_status` (ORDER_INIT, ORDER_PRE_PAY pending;
 * ORDER_PAY_SUCC paid; ORDER_CLOSE closed; ORDER_REFUND_PROCESSING, ORDER_REFUND refunded) and
 * a merchant transfer bill's `state` (ACCEPTED, PROCESSING, WAIT_USER_CONFIRM, TRANSFERING,
 * CANCELING pending; SUCCESS paid: received; FAIL failed; CANCELLED closed). An order state maps
 * to itself. Anything unknown is `pending`, never `paid`.
 *
 * @example toOrderState(transaction.trade_state) // 'SUCCESS' -> 'paid'
 */
export function toOrderState(platformState: string | number): OrderState {
  const key = String(platformState).trim().toLowerCase();
  if (key === 'paid' || key === 'closed' || key === 'failed' || key === 'refunded') return key;
  return PLATFORM_STATES.get(key) ?? 'pending';
}
