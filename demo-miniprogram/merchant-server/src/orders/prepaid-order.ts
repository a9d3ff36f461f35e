import { signPayment, signPaymentV2 } from '../kit';
import type { Merchant } from '../merchant';
import type { Product } from './catalogue';
import type { Order } from './order';
import type { Prepared } from './prepared-order';

const V2_SIGN_TYPES = { 'wechat-v2-md5': 'MD5', 'wechat-v2-hmac': 'HMAC-SHA256' } as const;

/**
 * An order WeChat Pay holds under a prepay_id: `POST /v3/pay/transactions/jsapi`, or for the
 * v2 profiles `/pay/unifiedorder` (XML, signed with the v2 key). Then what the host API opens:
 * requestPayment's parameters signed by the kit (`signPayment`, `signPaymentV2`; the package
 * under `pkg` for a payment service provider's `psp`), with `orderInfo` for
 * requestOrderPayment; a plugin's `{ version, fee, paymentArgs, currencyType }`.
 */
export async function createPrepaidOrder(
  merchant: Merchant,
  order: Order,
  product: Product,
): Promise<Prepared> {
  const { config, keys, platform } = merchant;
  const v2SignType = V2_SIGN_TYPES[order.profile as keyof typeof V2_SIGN_TYPES];
  const prepayId = v2SignType
    ? (
        await platform.pay.v2('/pay/unifiedorder', {
          body: product.name,
          out_trade_no: order.orderId,
          total_fee: String(order.amount),
          spbill_create_ip: '127.0.0.1',
          notify_url: `${platform.ownUrl}/pay/v2-notify`,
          trade_type: 'JSAPI',
          openid: order.openid,
          sign_type: v2SignType,
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
  await merchant.store.addOrder({ ...order, api: v2SignType ? 'v2' : 'v3' });
  const base = { orderId: order.orderId, kind: order.kind, amount: order.amount };
  if (order.kind === 'plugin') {
    const paymentArgs = { out_trade_no: order.orderId, product: product.id };
    return {
      ...base,
      params: { version: 'release', fee: order.amount, paymentArgs, currencyType: 'CNY' },
    };
  }
  const signed = { appId: config.appId, prepayId: String(prepayId) };
  const payment = v2SignType
    ? signPaymentV2({ ...signed, key: keys.material.v2ApiKey, signType: v2SignType })
    : signPayment({ ...signed, privateKey: keys.merchantPrivateKey });
  const { package: pkg, ...rest } = payment;
  const params = order.profile === 'psp' ? { ...rest, pkg } : payment;
  if (order.kind === 'payment') return { ...base, params };
  return {
    ...base,
    params: { ...params, orderInfo: orderInfoOf(order, product, String(prepayId)) },
  };
}

/** The order the custom transaction component checks (the shape the component's orders have). */
function orderInfoOf(order: Order, product: Product, prepayId: string) {
  return {
    out_order_id: order.orderId,
    openid: order.openid,
    create_time: `${new Date(order.createdAt + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`,
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
