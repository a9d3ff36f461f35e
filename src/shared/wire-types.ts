import type { CommonPaymentParamsInput } from '../validation/common-payment-params';
import type { MerchantTransferParamsInput } from '../validation/merchant-transfer-params';
import type { OrderPaymentParamsInput } from '../validation/order-payment-params';
import type { PaymentParamsInput } from '../validation/payment-params';
import type { PluginPaymentParamsInput } from '../validation/plugin-payment-params';
import type { VirtualPaymentParamsInput } from '../validation/virtual-payment-params';

/*
 * What the mini program and the merchant server say to each other about an order: the client's
 * checkout and `miniprogram-pay/server` both speak these types.
 */

/** What the merchant backend says about an order. Only `paid` means paid. */
export type OrderState = 'pending' | 'paid' | 'closed' | 'failed' | 'refunded';

/**
 * An order as the backend reports it. Any object with these two fields is one, your own
 * `interface Order` included; its extra fields (amount, paidAt, ...) are kept.
 */
export interface OrderSnapshot {
  orderId: string;
  state: OrderState;
}

/**
 * An order the backend created, with the signed parameters of the host's cashier. `kind`
 * picks the host API: `payment` opens `wx.requestPayment`, `virtual` `wx.requestVirtualPayment`,
 * `order` `wx.requestOrderPayment` (custom transaction component), `common`
 * `wx.requestCommonPayment` (B2b), `plugin` `wx.requestPluginPayment`, and `transfer`
 * `wx.requestMerchantTransfer` (the user confirms receipt of a merchant transfer: for it,
 * `paid` means the transfer completed and the user received the money).
 */
export type PreparedOrder =
  | { orderId: string; kind: 'payment'; params: PaymentParamsInput }
  | { orderId: string; kind: 'virtual'; params: VirtualPaymentParamsInput }
  | { orderId: string; kind: 'order'; params: OrderPaymentParamsInput }
  | { orderId: string; kind: 'common'; params: CommonPaymentParamsInput }
  | { orderId: string; kind: 'plugin'; params: PluginPaymentParamsInput }
  | { orderId: string; kind: 'transfer'; params: MerchantTransferParamsInput };

/** Which host API an order opens. */
export type OrderKind = PreparedOrder['kind'];
