import type { Product } from '../../domain/catalogue';
import { rfc3339Beijing } from '../../domain/ids';
import {
  type CommonPaymentParams,
  type MerchantTransferParams,
  merchantTransferParams,
  signCommonPayment,
  type TransferBill,
} from '../../server-kit';
import type { PaymentParams, PspPaymentParams } from './prepared-order';

/** wx.requestOrderPayment parameters: requestPayment's, and the order for the component. */
export type OrderPaymentParams = (PaymentParams | PspPaymentParams) & {
  readonly orderInfo: OrderInfo;
};

/** The order the transaction component checks (this mock's shape, see the README). */
export interface OrderInfo {
  readonly out_order_id: string;
  readonly openid: string;
  readonly create_time: string;
  readonly path: string;
  readonly order_detail: {
    readonly product_infos: ReadonlyArray<{
      readonly out_product_id: string;
      readonly product_cnt: number;
      readonly sale_price: number;
      readonly title: string;
    }>;
    readonly pay_info: { readonly pay_method: string; readonly prepay_id: string };
  };
}

/** wx.requestPluginPayment parameters. */
export interface PluginPaymentParams {
  readonly version: 'release';
  readonly fee: number;
  readonly paymentArgs: { readonly out_trade_no: string; readonly product: string };
  readonly currencyType: 'CNY';
}

export type { CommonPaymentParams, MerchantTransferParams };

/** The orderInfo of a trade-component order, for its prepay_id. */
export function orderInfoOf(input: {
  readonly orderId: string;
  readonly openid: string;
  readonly product: Product;
  readonly quantity: number;
  readonly prepayId: string;
  readonly nowMs: number;
}): OrderInfo {
  return {
    out_order_id: input.orderId,
    openid: input.openid,
    create_time: rfc3339Beijing(input.nowMs),
    path: `pages/orders/index?orderId=${input.orderId}`,
    order_detail: {
      product_infos: [
        {
          out_product_id: input.product.id,
          product_cnt: input.quantity,
          sale_price: input.product.price,
          title: input.product.name,
        },
      ],
      pay_info: { pay_method: '微信支付', prepay_id: input.prepayId },
    },
  };
}

/** What a plugin order hands its payment functional page. */
export function pluginParamsOf(
  orderId: string,
  productId: string,
  fee: number,
): PluginPaymentParams {
  return {
    version: 'release',
    fee,
    paymentArgs: { out_trade_no: orderId, product: productId },
    currencyType: 'CNY',
  };
}

/**
 * The B2b signData string, signed byte for byte: `{"mchid","out_trade_no","description",
 * "amount":{"order_amount","currency"},"attach","env"}`.
 */
export function b2bSignData(input: {
  readonly mchid: string;
  readonly orderId: string;
  readonly description: string;
  readonly amount: number;
  readonly env: 0 | 1;
}): string {
  return JSON.stringify({
    mchid: input.mchid,
    out_trade_no: input.orderId,
    description: input.description,
    amount: { order_amount: input.amount, currency: 'CNY' },
    attach: `order:${input.orderId}`,
    env: input.env,
  });
}

/** requestCommonPayment parameters, signed by the server kit. */
export function signB2bParams(input: {
  readonly signData: string;
  readonly appKey: string;
  readonly sessionKey: string;
}): CommonPaymentParams {
  return signCommonPayment({ mode: 'retail_pay_goods', ...input });
}

/** requestMerchantTransfer parameters from the bill, through the server kit. */
export function transferParamsOf(input: {
  readonly mchId: string;
  readonly appId: string;
  readonly openId: string;
  readonly bill: TransferBill;
}): MerchantTransferParams {
  return merchantTransferParams(input);
}
