import { merchantTransferParams, signPayment, signPaymentV2, type TransferBill } from '../kit';
import type { Merchant } from '../merchant';
import type { Product } from './catalogue';
import { beijingTime, type Order, V2_SIGN_TYPES } from './order';
import { BILLS } from './query-order';

/**
 * An order WeChat Pay holds before the cashier, created there first, then stored:
 * - a cash-out: the transfer bill (WAIT_USER_CONFIRM, its package_info), which the kit's
 *   `merchantTransferParams` turns into what `wx.requestMerchantTransfer` opens;
 * - else a prepay_id: `POST /v3/pay/transactions/jsapi`, or `/pay/unifiedorder` (v2, XML) for
 *   the v2 profiles; then requestPayment's parameters signed by the kit (`signPayment`,
 *   `signPaymentV2`; the package under `pkg` for a payment service provider, `psp`), with
 *   `orderInfo` for requestOrderPayment; a plugin's `{ version, fee, paymentArgs, currencyType }`.
 */
export async function createAtWeChatPay(
  merchant: Merchant,
  order: Order,
  product: Product,
): Promise<object> {
  const { config, keys, platform } = merchant;
  if (order.kind === 'transfer') {
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
      transferBillNo: bill.transfer_bill_no,
    });
    return merchantTransferParams({
      mchId: config.mchId,
      appId: config.appId,
      openId: order.openid,
      bill,
    });
  }
  const signType = V2_SIGN_TYPES[order.profile];
  const prepayId = signType
    ? (
        await platform.pay.v2('/pay/unifiedorder', {
          body: product.name,
          out_trade_no: order.orderId,
          total_fee: String(order.amount),
          spbill_create_ip: '127.0.0.1',
          notify_url: `${platform.ownUrl}/pay/v2-notify`,
          trade_type: 'JSAPI',
          sub_openid: order.openid,
          sign_type: signType,
        })
      )?.prepay_id
    : (
        await platform.pay.v3<{ prepay_id: string }>('POST', '/v3/pay/transactions/jsapi', {
          appid: config.appId,
          mchid: config.mchId,
          description: product.name,
          out_trade_no: order.orderId,
          notify_url: `${platform.ownUrl}/pay/notify`,
          amount: { total: order.amount, currency: order.currency },
          payer: { openid: order.openid },
        })
      ).prepay_id;
  await merchant.store.addOrder({ ...order, api: signType ? 'v2' : 'v3' });
  if (order.kind === 'plugin') {
    const paymentArgs = { out_trade_no: order.orderId, product: product.id };
    return { version: 'release', fee: order.amount, paymentArgs, currencyType: 'CNY' };
  }
  const signed = { appId: config.appId, prepayId: String(prepayId) };
  const payment = signType
    ? signPaymentV2({ ...signed, key: keys.material.v2ApiKey, signType })
    : signPayment({ ...signed, privateKey: keys.merchantPrivateKey });
  // A payment service provider's metadata.wechatpay names the package `pkg`.
  const { timeStamp, nonceStr, package: pkg, signType: type, paySign } = payment;
  const params =
    order.profile === 'psp' ? { timeStamp, nonceStr, pkg, signType: type, paySign } : payment;
  if (order.kind === 'payment') return params;
  return { ...params, orderInfo: orderInfoOf(order, product, String(prepayId)) };
}

/** The order the custom transaction component checks (the shape of the component's orders). */
function orderInfoOf(order: Order, product: Product, prepayId: string) {
  return {
    out_order_id: order.orderId,
    openid: order.openid,
    create_time: beijingTime(order.createdAt),
    path: `pages/orders/index?orderId=${order.orderId}`,
    order_detail: {
      product_infos: [
        {
          out_product_id: product.id,
          product_cnt: order.quantity,
          sale_price: product.price,
          title: product.name,
        },
      ],
      pay_info: { pay_method: '微信支付', prepay_id: prepayId },
    },
  };
}
