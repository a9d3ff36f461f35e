import {
  type CommonPaymentParams,
  type MerchantTransferParams,
  merchantTransferParams,
  signCommonPayment,
  signVirtualPayment,
  type TransferBill,
} from '../kit';
import type { Merchant } from '../merchant';
import type { Product } from './catalogue';
import type { Order, OrderKind } from './order';
import { BILLS } from './query-order';

/**
 * The answer of `POST /api/orders`: the kind says which host API opens `params`
 * (`payment` requestPayment, `order` requestOrderPayment, `plugin` requestPluginPayment,
 * `virtual` requestVirtualPayment, `common` requestCommonPayment, `transfer`
 * requestMerchantTransfer).
 */
export interface Prepared {
  readonly orderId: string;
  readonly kind: OrderKind;
  readonly amount: number;
  readonly params: object;
}

const prepared = (order: Order, params: Prepared['params']): Prepared => ({
  orderId: order.orderId,
  kind: order.kind,
  params,
  amount: order.amount,
});

/**
 * A coin pack or an item: signData (a JSON string, signed byte for byte) signed with the
 * AppKey of its env (paySig) and the user's session_key (signature) by the kit. TCMPP's table
 * names paySig `paySign` and types buyQuantity as a string (profile `tcmpp`).
 */
export function signVirtual(
  merchant: Merchant,
  order: Order,
  product: Product,
  sessionKey: string,
): Prepared {
  const { config, keys } = merchant;
  const units = product.kind === 'coins' ? (product.coins ?? 0) * order.quantity : order.quantity;
  const signData = JSON.stringify({
    offerId: config.offerId,
    buyQuantity: order.profile === 'tcmpp' ? String(units) : units,
    env: order.env,
    currencyType: order.currency,
    ...(product.kind === 'item' ? { productId: product.id, goodsPrice: product.price } : {}),
    outTradeNo: order.orderId,
    attach: `order:${order.orderId}`,
  });
  const signed = signVirtualPayment({
    mode: order.mode as 'short_series_goods' | 'short_series_coin',
    signData,
    appKey: keys.appKeyOf(order.env ?? 0),
    sessionKey,
  });
  const { mode, paySig, signature } = signed;
  return prepared(
    order,
    order.profile === 'tcmpp' ? { mode, signData, paySign: paySig, signature } : signed,
  );
}

/** A B2b order: signData `{ mchid, out_trade_no, description, amount, attach, env }`, signed by the kit. */
export function signCommon(
  merchant: Merchant,
  order: Order,
  product: Product,
  sessionKey: string,
): Prepared {
  const params: CommonPaymentParams = signCommonPayment({
    mode: 'retail_pay_goods',
    signData: JSON.stringify({
      mchid: merchant.config.mchId,
      out_trade_no: order.orderId,
      description: product.name,
      amount: { order_amount: order.amount, currency: order.currency },
      attach: `order:${order.orderId}`,
      env: order.env,
    }),
    appKey: merchant.keys.appKeyOf(order.env ?? 0),
    sessionKey,
  });
  return prepared(order, params);
}

/**
 * A cash-out: WeChat Pay creates the transfer bill (`POST /v3/fund-app/mch-transfer/
 * transfer-bills`, WAIT_USER_CONFIRM with a package_info), and the kit's
 * `merchantTransferParams` turns it into what `wx.requestMerchantTransfer` opens.
 */
export async function signTransfer(
  merchant: Merchant,
  order: Order,
  product: Product,
): Promise<Prepared> {
  const { config, platform } = merchant;
  const bill = await platform.pay.v3<TransferBill>('POST', BILLS, {
    appid: config.appId,
    out_bill_no: order.orderId,
    transfer_scene_id: '1000',
    openid: order.openid,
    transfer_amount: order.amount,
    transfer_remark: product.name,
    notify_url: `${platform.ownUrl}/pay/transfer-notify`,
    user_recv_perception: '现金奖励',
    transfer_scene_report_infos: [
      { info_type: '活动名称', info_content: 'Demo rewards' },
      { info_type: '奖励说明', info_content: product.description },
    ],
  });
  await merchant.store.addOrder({
    ...order,
    status: bill.state,
    ...(bill.transfer_bill_no ? { transferBillNo: bill.transfer_bill_no } : {}),
  });
  const params: MerchantTransferParams = merchantTransferParams({
    mchId: config.mchId,
    appId: config.appId,
    openId: order.openid,
    bill,
  });
  return prepared(order, params);
}
