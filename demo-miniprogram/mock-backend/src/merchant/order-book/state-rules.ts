import {
  type OrderState,
  orderStateOfTradeState,
  orderStateOfVirtualStatus,
  type TradeState,
  type VirtualOrderStatus,
} from '../../domain/order-state';
import type { MerchantOrder } from '../../storage/state';

/** The one state the mini program sees, from the order's platform state. */
export function stateOf(order: MerchantOrder): OrderState {
  return order.kind === 'payment'
    ? orderStateOfTradeState(order.tradeState)
    : orderStateOfVirtualStatus(order.virtualStatus);
}

/** Pending states move anywhere; paid only to refunded; failed only to closed; the rest are final. */
export function paymentTransitionAllowed(from: TradeState, to: TradeState): boolean {
  if (from === to) return false;
  if (orderStateOfTradeState(from) === 'pending') return true;
  if (from === 'SUCCESS') return to === 'REFUND';
  if (from === 'PAYERROR') return to === 'CLOSED';
  return false;
}

/** Pending moves anywhere; paid moves forward (delivering, delivered, refunded); the rest are final. */
export function virtualTransitionAllowed(
  from: VirtualOrderStatus,
  to: VirtualOrderStatus,
): boolean {
  if (from === to) return false;
  const fromState = orderStateOfVirtualStatus(from);
  if (fromState === 'pending') return true;
  if (fromState === 'paid') return to > from && to !== 6;
  return false;
}
