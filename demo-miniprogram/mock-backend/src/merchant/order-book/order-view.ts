import type { OrderState } from '../../domain/order-state';
import type { MerchantOrder } from '../../storage/state';
import { platformStateOf, stateOf } from './state-rules';

/** The answer of `GET /api/orders/:orderId`. */
export interface OrderStatusView {
  readonly orderId: string;
  readonly state: OrderState;
  /**
   * The platform's state: trade_state for WeChat Pay orders, the virtual order status name
   * (PAID, DELIVERED, ...), B2b pay_status (ORDER_PAY_SUCC, ...), or the transfer bill's state.
   */
  readonly tradeState: string;
  readonly amount: number;
  readonly paidAt?: string;
  readonly transactionId?: string;
}

export function viewOf(order: MerchantOrder): OrderStatusView {
  return {
    orderId: order.orderId,
    state: stateOf(order),
    tradeState: platformStateOf(order),
    amount: order.amount,
    ...(order.paidAt ? { paidAt: order.paidAt } : {}),
    ...(order.transactionId ? { transactionId: order.transactionId } : {}),
  };
}
