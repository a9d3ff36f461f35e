import type { OrderState } from './types';

/** The platform states (lower case) of each order state but its own name; anything else is pending. */
const PLATFORM_STATES: { readonly [state: string]: string } = {
  paid: 'success 2 3 4 7',
  refunded: 'refund 5',
  closed: 'revoked 6',
  failed: 'payerror',
};

/**
 * Maps a platform's order state to an {@link OrderState}, for your backend or a
 * `httpBackend` mapping: WeChat Pay's `trade_state` (SUCCESS paid; REFUND refunded; NOTPAY,
 * USERPAYING, ACCEPT pending; CLOSED, REVOKED closed; PAYERROR failed) and virtual payment's
 * order status (0, 1 pending; 2 paid, 3 delivering, 4 delivered, 7 refund failed: paid; 5
 * refunded; 6 closed).
 * Anything unknown is `pending`, never `paid`.
 *
 * @example toOrderState(transaction.trade_state) // 'SUCCESS' -> 'paid'
 */
export function toOrderState(platformState: string | number): OrderState {
  const key = String(platformState).trim().toLowerCase();
  for (const state in PLATFORM_STATES) {
    if (`${state} ${PLATFORM_STATES[state]}`.split(' ').indexOf(key) >= 0)
      return state as OrderState;
  }
  return 'pending';
}
