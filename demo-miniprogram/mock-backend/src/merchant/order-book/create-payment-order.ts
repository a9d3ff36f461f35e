import type { GoodsProduct, Product } from '../../domain/catalogue';
import { newOrderId } from '../../domain/ids';
import type { MerchantPaymentOrder, PaymentProfile } from '../../storage/state';
import { type CreateOrderInput, pickProfile, userOf } from './create-order';
import { orderInfoOf, pluginParamsOf } from './family-params';
import type { OrderBook } from './order-book';
import {
  PAYMENT_PROFILES,
  type PreparedOrder,
  signPaymentParams,
  signSchemeOf,
} from './prepared-order';

type PrepayProduct = GoodsProduct | Extract<Product, { kind: 'component-goods' | 'plugin-goods' }>;

const KINDS = { goods: 'payment', 'component-goods': 'order', 'plugin-goods': 'plugin' } as const;

/**
 * An order WeChat Pay holds under a prepay_id (`POST /v3/pay/transactions/jsapi`): goods
 * (requestPayment's params, in the profile's shape), trade-component goods (the same, plus
 * `orderInfo`), or a plugin's goods (`{ version, fee, paymentArgs, currencyType }`; the host's
 * payment functional page pays the prepay_id, so the plugin signs nothing: profile wechat-v3).
 */
export async function createPaymentOrder(
  book: OrderBook,
  product: PrepayProduct,
  input: CreateOrderInput,
): Promise<PreparedOrder> {
  const kind = KINDS[product.kind];
  const allowed: readonly PaymentProfile[] = kind === 'plugin' ? ['wechat-v3'] : PAYMENT_PROFILES;
  const profile = pickProfile(input.profile, allowed, product.id);
  const { config, keys, platform } = book.deps;
  const openid = await userOf(book, input);
  const orderId = newOrderId(config.now());
  const amount = product.price * input.quantity;
  const plugin = pluginParamsOf(orderId, product.id, amount);
  const prepayId = await platform.wechatPay.createJsapiOrder({
    appid: config.appId,
    mchid: config.mchId,
    description: product.name,
    outTradeNo: orderId,
    total: amount,
    currency: product.currency,
    payerOpenid: openid,
    signScheme: signSchemeOf(profile),
    ...(kind === 'plugin'
      ? { plugin: { version: plugin.version, paymentArgs: JSON.stringify(plugin.paymentArgs) } }
      : {}),
  });
  const order: MerchantPaymentOrder = {
    kind,
    orderId,
    productId: product.id,
    quantity: input.quantity,
    amount,
    currency: product.currency,
    openid,
    profile,
    prepayId,
    tradeState: 'NOTPAY',
    createdAt: config.now(),
    appliedNotificationIds: [],
  };
  await book.save(order);
  if (kind === 'plugin') return { orderId, kind, params: plugin, amount };
  const params = signPaymentParams({
    profile,
    appId: config.appId,
    prepayId,
    nowMs: config.now(),
    merchantPrivateKey: keys.merchantPrivateKey,
    v2ApiKey: keys.material.v2ApiKey,
  });
  if (kind === 'payment') return { orderId, kind, params, amount };
  const orderInfo = orderInfoOf({
    ...input,
    orderId,
    openid,
    product,
    prepayId,
    nowMs: config.now(),
  });
  return { orderId, kind, params: { ...params, orderInfo }, amount };
}
