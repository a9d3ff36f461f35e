import type {
  B2bPayStatus,
  TradeState,
  TransferBillState,
  VirtualOrderStatus,
} from '../domain/order-state';
import type { VirtualMode } from './state';

// What the simulated platform records: WeChat Pay's transactions and transfer bills, virtual
// payment's and B2b payment's orders. The merchant never reads these but through the platform.

/** A JSAPI transaction as the simulated WeChat Pay platform records it. */
export interface PlatformPayment {
  readonly prepayId: string;
  readonly outTradeNo: string;
  readonly appid: string;
  readonly mchid: string;
  readonly description: string;
  readonly total: number;
  readonly currency: string;
  readonly payerOpenid: string;
  /** v3 prepay_ids take signType RSA; v2 ones MD5 or HMAC-SHA256. */
  readonly signScheme: 'v3' | 'v2';
  /**
   * A plugin's order (wx.requestPluginPayment): the plugin version and the paymentArgs (as
   * JSON) the host's payment functional page was given for it.
   */
  readonly plugin?: { readonly version: string; readonly paymentArgs: string };
  readonly createdAt: number;
  tradeState: TradeState;
  transactionId?: string;
  successTime?: string;
}

/** A virtual payment order as the simulated platform records it (created at the cashier). */
export interface PlatformVirtualOrder {
  readonly outTradeNo: string;
  readonly openid: string;
  readonly env: 0 | 1;
  readonly mode: VirtualMode;
  readonly signData: string;
  readonly productId: string | undefined;
  readonly buyQuantity: number;
  readonly unitPrice: number;
  readonly total: number;
  readonly attach: string;
  readonly createdAt: number;
  status: VirtualOrderStatus;
  transactionId?: string;
  mchOrderNo?: string;
  /** Unix seconds. */
  paidTime?: number;
}

/** A B2b order as the simulated platform records it (opened at the cashier from signData). */
export interface PlatformB2bOrder {
  readonly outTradeNo: string;
  readonly mchid: string;
  readonly openid: string;
  readonly env: 0 | 1;
  readonly signData: string;
  readonly description: string;
  readonly amount: number;
  readonly attach: string;
  readonly createdAt: number;
  payStatus: B2bPayStatus;
  /** WeChat's order id, once paid. */
  orderId?: string;
  /** Unix seconds. */
  payTime?: number;
}

/** A merchant transfer bill as the simulated WeChat Pay records it. */
export interface PlatformTransferBill {
  readonly outBillNo: string;
  readonly transferBillNo: string;
  readonly mchId: string;
  readonly appId: string;
  readonly openid: string;
  readonly amount: number;
  readonly remark: string;
  /** What the client passes as `package` while the bill waits for the user. */
  readonly packageInfo: string;
  /** RFC 3339. */
  readonly createTime: string;
  updateTime: string;
  state: TransferBillState;
  failReason?: string;
}
