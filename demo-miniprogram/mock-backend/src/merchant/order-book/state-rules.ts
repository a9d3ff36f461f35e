import {
  type B2bPayStatus,
  type OrderState,
  orderStateOfPlatformState,
  orderStateOfTradeState,
  orderStateOfVirtualStatus,
  type TradeState,
  type TransferBillState,
  VIRTUAL_STATUS_NAMES,
  type VirtualOrderStatus,
} from '../../domain/order-state';
import type { MerchantOrder, MerchantPaymentOrder } from '../../storage/state';

/** Whether WeChat Pay holds the order under a prepay_id (requestPayment, -OrderPayment, -PluginPayment). */
export function isWeChatPayOrder(order: MerchantOrder | undefined): order is MerchantPaymentOrder {
  return order?.kind === 'payment' || order?.kind === 'order' || order?.kind === 'plugin';
}

/**
 * The platform's own word for the order: trade_state, the virtual status name, B2b pay_status
 * or the transfer bill's state.
 */
export function platformStateOf(order: MerchantOrder): string {
  switch (order.kind) {
    case 'virtual':
      return VIRTUAL_STATUS_NAMES[order.virtualStatus];
    case 'common':
      return order.payStatus;
    case 'transfer':
      return order.billState;
    default:
      return order.tradeState;
  }
}

/** The one state the mini program sees, from the order's platform state (toOrderState). */
export function stateOf(order: MerchantOrder): OrderState {
  switch (order.kind) {
    case 'virtual':
      return orderStateOfVirtualStatus(order.virtualStatus);
    case 'common':
      return orderStateOfPlatformState(order.payStatus);
    case 'transfer':
      return orderStateOfPlatformState(order.billState);
    default:
      return orderStateOfTradeState(order.tradeState);
  }
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

/** B2b: pending moves anywhere; paid only to the refund states; the rest are final. */
export function b2bTransitionAllowed(from: B2bPayStatus, to: B2bPayStatus): boolean {
  if (from === to) return false;
  const fromState = orderStateOfPlatformState(from);
  if (fromState === 'pending') return true;
  if (fromState === 'paid') return orderStateOfPlatformState(to) === 'refunded';
  return from === 'ORDER_REFUND_PROCESSING' && to === 'ORDER_REFUND';
}

/** A transfer bill: a waiting state moves anywhere; SUCCESS, FAIL and CANCELLED are final. */
export function transferTransitionAllowed(from: TransferBillState, to: TransferBillState): boolean {
  return from !== to && orderStateOfPlatformState(from) === 'pending';
}
