/** The merchant order states the library's httpBackend understands. */
export type OrderState = 'pending' | 'paid' | 'closed' | 'failed' | 'refunded';

/** WeChat Pay v3 trade_state. */
export type TradeState =
  | 'SUCCESS'
  | 'REFUND'
  | 'NOTPAY'
  | 'CLOSED'
  | 'REVOKED'
  | 'USERPAYING'
  | 'PAYERROR';

const ORDER_STATE_OF_TRADE_STATE: Readonly<Record<TradeState, OrderState>> = {
  SUCCESS: 'paid',
  REFUND: 'refunded',
  NOTPAY: 'pending',
  USERPAYING: 'pending',
  CLOSED: 'closed',
  REVOKED: 'closed',
  PAYERROR: 'failed',
};

export function orderStateOfTradeState(tradeState: TradeState): OrderState {
  return ORDER_STATE_OF_TRADE_STATE[tradeState];
}

/**
 * Virtual payment order status (`/xpay/query_order`): 0 init, 1 created, 2 paid,
 * 3 delivering, 4 delivered, 5 refunded, 6 closed, 7 refund failed.
 */
export type VirtualOrderStatus = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Names reported as `tradeState` for virtual orders. */
export const VIRTUAL_STATUS_NAMES: Readonly<Record<VirtualOrderStatus, string>> = {
  0: 'INIT',
  1: 'CREATED',
  2: 'PAID',
  3: 'DELIVERING',
  4: 'DELIVERED',
  5: 'REFUNDED',
  6: 'CLOSED',
  7: 'REFUND_FAILED',
};

const ORDER_STATE_OF_VIRTUAL_STATUS: Readonly<Record<VirtualOrderStatus, OrderState>> = {
  0: 'pending',
  1: 'pending',
  2: 'paid',
  3: 'paid',
  4: 'paid',
  5: 'refunded',
  6: 'closed',
  // A failed refund leaves the money with the merchant: still paid.
  7: 'paid',
};

export function orderStateOfVirtualStatus(status: VirtualOrderStatus): OrderState {
  return ORDER_STATE_OF_VIRTUAL_STATUS[status];
}
