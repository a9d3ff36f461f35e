import { toOrderState } from '../../../../src/checkout/order-state';
import type { OrderState } from '../../../../src/shared/wire-types';

export type { OrderState } from '../../../../src/shared/wire-types';

/** Every WeChat Pay v3 trade_state the simulated platform produces. */
export const TRADE_STATES = [
  'SUCCESS',
  'REFUND',
  'NOTPAY',
  'CLOSED',
  'REVOKED',
  'USERPAYING',
  'PAYERROR',
] as const;

/** WeChat Pay v3 trade_state. */
export type TradeState = (typeof TRADE_STATES)[number];

/** The state of a payment order: the library's own mapping, so that both always agree. */
export function orderStateOfTradeState(tradeState: TradeState): OrderState {
  return toOrderState(tradeState);
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

/**
 * The state of a virtual order: the library's own mapping (7, refund failed, is paid: the
 * payment stands).
 */
export function orderStateOfVirtualStatus(status: VirtualOrderStatus): OrderState {
  return toOrderState(status);
}

/** B2b payment's `pay_status` (`/retail/B2b/getorder`, the `retail_pay_notify` push). */
export const B2B_PAY_STATUSES = [
  'ORDER_INIT',
  'ORDER_PRE_PAY',
  'ORDER_PAY_SUCC',
  'ORDER_CLOSE',
  'ORDER_REFUND_PROCESSING',
  'ORDER_REFUND',
] as const;

export type B2bPayStatus = (typeof B2B_PAY_STATUSES)[number];

/** A merchant transfer bill's `state`. */
export const TRANSFER_BILL_STATES = [
  'ACCEPTED',
  'PROCESSING',
  'WAIT_USER_CONFIRM',
  'TRANSFERING',
  'SUCCESS',
  'FAIL',
  'CANCELING',
  'CANCELLED',
] as const;

export type TransferBillState = (typeof TRANSFER_BILL_STATES)[number];

/** The state of a B2b order or a transfer bill (SUCCESS: received): the library's mapping. */
export function orderStateOfPlatformState(state: B2bPayStatus | TransferBillState): OrderState {
  return toOrderState(state);
}
