import type { PaymentEnv } from '../mini-program/config-rules';
import type { CashierNote } from '../payments/order';

/** The modes of wx.requestVirtualPayment: an item (道具直购) or a coin top-up (代币充值). */
export const VIRTUAL_MODES = ['short_series_goods', 'short_series_coin'] as const;
export type VirtualMode = (typeof VIRTUAL_MODES)[number];

/**
 * An order's `status`, as `/xpay/query_order` numbers it: 0 init, 1 created, 2 paid (to
 * deliver), 3 delivering, 4 delivered, 5 refunded, 6 closed, 7 refund failed.
 */
export type VirtualStatus = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A refund of a virtual order (`/xpay/refund_order`). */
export interface VirtualRefund {
  readonly refundOrderId: string;
  /** The refund's id on WeChat's side (`refund_wx_order_id`). */
  readonly wxRefundId: string;
  /** Fen. */
  readonly fee: number;
  readonly bizMeta: string;
  readonly reason: string;
  readonly from: string;
  /** ms on the test clock. */
  readonly at: number;
}

/** A virtual payment order, opened by the cashier from the signData the merchant signed. */
export interface VirtualOrderRecord {
  readonly key: string;
  /** The merchant whose virtual payment settings (offerId, AppKeys) it was made with. */
  readonly mchid: string;
  readonly offerId: string;
  /** The mini program it was paid in. */
  readonly appid: string;
  readonly outTradeNo: string;
  readonly openid: string;
  readonly env: PaymentEnv;
  readonly mode: VirtualMode;
  /** Exactly as signed. */
  readonly signData: string;
  readonly productId: string | undefined;
  readonly buyQuantity: number;
  /** Fen. */
  readonly unitPrice: number;
  readonly total: number;
  readonly attach: string;
  /** WeChat's order id (`wx_order_id`). */
  readonly wxOrderId: string;
  status: VirtualStatus;
  /** WeChat Pay's transaction id (`wxpay_order_id`, `TransactionId`). */
  transactionId?: string;
  /** The merchant order number WeChat Pay shows (`channel_order_id`, `MchOrderNo`). */
  mchOrderNo?: string;
  /** ms on the test clock. */
  paidAt?: number;
  deliveredAt?: number;
  /** What is left to refund, fen. */
  leftFee: number;
  readonly refunds: VirtualRefund[];
  readonly createdAt: number;
  updatedAt: number;
  lastCashier?: CashierNote;
}

/** Paid, and not wholly refunded: what can be refunded or marked delivered. */
export function isPaidVirtual(order: VirtualOrderRecord): boolean {
  return order.status >= 2 && order.status <= 5 && order.leftFee > 0;
}
