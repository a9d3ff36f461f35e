import type { OrderState } from './types';

/**
 * Platform states (in lower case) and the order state each means: WeChat Pay's
 * `trade_state`, and virtual payment's order status. Anything else is pending.
 */
const PLATFORM_STATES = new Map<string, OrderState>([
  ['success', 'paid'],
  ['refund', 'refunded'],
  ['closed', 'closed'],
  ['revoked', 'closed'],
  ['payerror', 'failed'],
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
 * USERPAYING, ACCEPT pending; CLOSED, REVOKED closed; PAYERROR failed) and virtual payment's
 * order status (0, 1 pending; 2 paid, 3 delivering, 4 delivered: paid; 5 refunded; 6 closed;
 * 7 refund failed: paid). An order state maps to itself. Anything unknown is `pending`,
 * never `paid`.
 *
 * @example toOrderState(transaction.trade_state) // 'SUCCESS' -> 'paid'
 */
export function toOrderState(platformState: string | number): OrderState {
  const key = String(platformState).trim().toLowerCase();
  if (key === 'paid' || key === 'closed' || key === 'failed' || key === 'refunded') return key;
  return PLATFORM_STATES.get(key) ?? 'pending';
}
