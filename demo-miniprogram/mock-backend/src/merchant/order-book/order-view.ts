import { type OrderState, VIRTUAL_STATUS_NAMES } from '../../domain/order-state';
import type { MerchantOrder } from '../../storage/state';
import { stateOf } from './state-rules';

/** The answer of `GET /api/orders/:orderId`. */
export interface OrderStatusView {
  readonly orderId: string;
  readonly state: OrderState;
  /** trade_state for payments; the virtual order status name (PAID, DELIVERED, ...) otherwise. */
  readonly tradeState: string;
  readonly amount: number;
  readonly paidAt?: string;
  readonly transactionId?: string;
}

export function viewOf(order: MerchantOrder): OrderStatusView {
  return {
    orderId: order.orderId,
    state: stateOf(order),
    tradeState:
      order.kind === 'payment' ? order.tradeState : VIRTUAL_STATUS_NAMES[order.virtualStatus],
    amount: order.amount,
    ...(order.paidAt ? { paidAt: order.paidAt } : {}),
    ...(order.transactionId ? { transactionId: order.transactionId } : {}),
  };
}
