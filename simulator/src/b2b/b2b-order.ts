import type { PaymentEnv } from '../mini-program/config-rules';
import type { CashierNote } from '../payments/order';

/** A B2b order's `pay_status`, as `/retail/B2b/getorder` answers it. */
export type B2bPayStatus =
  | 'ORDER_INIT'
  | 'ORDER_PRE_PAY'
  | 'ORDER_PAY_SUCC'
  | 'ORDER_CLOSE'
  | 'ORDER_REFUND_PROCESSING'
  | 'ORDER_REFUND';

/** A B2b payment order, opened by the cashier from the signData the merchant signed. */
export interface B2bOrderRecord {
  readonly key: string;
  readonly mchid: string;
  /** The mini program it was paid in. */
  readonly appid: string;
  readonly outTradeNo: string;
  readonly openid: string;
  readonly env: PaymentEnv;
  /** Exactly as signed ('' for an out_trade_no the merchant closed before any cashier). */
  readonly signData: string;
  readonly description: string;
  /** `amount.order_amount`, fen. */
  readonly amount: number;
  readonly attach: string;
  payStatus: B2bPayStatus;
  /** B2b payment's order id (`order_id`). */
  orderId?: string;
  /** WeChat Pay's transaction id (`wxpay_transaction_id`). */
  transactionId?: string;
  /** ms on the test clock. */
  paidAt?: number;
  readonly createdAt: number;
  updatedAt: number;
  lastCashier?: CashierNote;
}
