import { randomInt } from 'node:crypto';
import { ApiError } from '../http/errors';
import { signCommonPayment, signVirtualPayment } from '../kit';
import type { Merchant } from '../merchant';
import { findProduct, type Product, paidBy } from './catalogue';
import { beijingTime, type Order, type OrderKind, type Profile } from './order';
import { createAtWeChatPay } from './wechat-pay-order';

/**
 * The answer of `POST /api/orders`: its kind says which host API opens `params` (`payment`
 * requestPayment, `order` requestOrderPayment, `plugin` requestPluginPayment, `virtual`
 * requestVirtualPayment, `common` requestCommonPayment, `transfer` requestMerchantTransfer).
 */
export interface Prepared {
  readonly orderId: string;
  readonly kind: OrderKind;
  readonly amount: number;
  readonly params: object;
}

/** The user of an order that names none (orders that need no session_key). */
export const DEMO_OPENID = 'oMockDemoUser000000000000000';

/** The AppKey of the order's env and the user's session_key. */
type SigningKeys = { readonly appKey: string; readonly sessionKey: string };

/**
 * Creates an order of `quantity` of a product for the user `openid`, and what the host API
 * opens: at WeChat Pay for the orders it holds before the cashier (a prepay_id, a transfer
 * bill); signed with the user's session_key for virtual and B2b payments.
 */
export async function createOrder(
  merchant: Merchant,
  input: { productId: string; quantity: number; openid?: string; profile?: Profile },
): Promise<Prepared> {
  const product = findProduct(input.productId);
  if (!product)
    throw new ApiError(
      404,
      'PRODUCT_NOT_FOUND',
      `no product ${JSON.stringify(input.productId)} in this shop; GET /api/products lists them`,
    );
  const [, kind, profiles] = paidBy(product.kind);
  const profile = input.profile ?? (profiles[0] as Profile);
  if (!profiles.includes(profile)) {
    const message = `profile ${profile} does not apply to ${product.id}; use one of ${profiles.join(', ')}`;
    throw new ApiError(400, 'PROFILE_NOT_APPLICABLE', message);
  }
  const order: Order = {
    orderId: newOrderId(),
    kind,
    productId: product.id,
    quantity: input.quantity,
    amount: product.price * input.quantity,
    currency: 'CNY',
    openid: input.openid ?? DEMO_OPENID,
    profile,
    createdAt: Date.now(),
    status: 'NOTPAY',
  };
  const params =
    kind === 'virtual' || kind === 'common'
      ? await signedWithSessionKey(merchant, order, product, input.openid)
      : await createAtWeChatPay(merchant, order, product);
  return { orderId: order.orderId, kind, amount: order.amount, params };
}

/** A virtual or B2b order, stored, and its parameters signed with the user's session_key. */
async function signedWithSessionKey(
  merchant: Merchant,
  order: Order,
  product: Product,
  openid: string | undefined,
): Promise<object> {
  const sessionKey = openid && (await merchant.store.getSessionKey(openid));
  if (!sessionKey) {
    const message = `openid ${openid ?? '(none given)'} has no session_key; log in first (POST /api/login) and name the openid`;
    throw new ApiError(401, 'NO_SESSION', message);
  }
  const env = merchant.config.virtualPaymentEnv;
  const virtual = order.kind === 'virtual';
  const stored: Order = { ...order, env, status: virtual ? 0 : 'ORDER_INIT', mode: product.mode };
  await merchant.store.addOrder(stored);
  const keys = { appKey: merchant.keys.appKeyOf(env), sessionKey };
  return (virtual ? virtualParams : commonParams)(merchant, stored, product, keys);
}

/**
 * A coin pack or an item: signData (a JSON string, signed byte for byte) signed with the
 * AppKey of its env (paySig) and the user's session_key (signature) by the kit. TCMPP's table
 * names paySig `paySign` and types buyQuantity as a string (profile `tcmpp`).
 */
function virtualParams(merchant: Merchant, order: Order, product: Product, keys: SigningKeys) {
  const units = product.coins ? product.coins * order.quantity : order.quantity;
  const signData = JSON.stringify({
    offerId: merchant.config.offerId,
    buyQuantity: order.profile === 'tcmpp' ? String(units) : units,
    env: order.env,
    currencyType: order.currency,
    ...(product.kind === 'item' ? { productId: product.id, goodsPrice: product.price } : {}),
    outTradeNo: order.orderId,
    attach: `order:${order.orderId}`,
  });
  const mode = order.mode as 'short_series_goods' | 'short_series_coin';
  const signed = signVirtualPayment({ mode, signData, ...keys });
  const { paySig: paySign, signature } = signed;
  return order.profile === 'tcmpp' ? { mode, signData, paySign, signature } : signed;
}

/** A B2b order: signData `{ mchid, out_trade_no, description, amount, attach, env }`, by the kit. */
function commonParams(merchant: Merchant, order: Order, product: Product, keys: SigningKeys) {
  const signData = JSON.stringify({
    mchid: merchant.config.mchId,
    out_trade_no: order.orderId,
    description: product.name,
    amount: { order_amount: order.amount, currency: order.currency },
    attach: `order:${order.orderId}`,
    env: order.env,
  });
  return signCommonPayment({ mode: 'retail_pay_goods', signData, ...keys });
}

/** `MP`, Beijing time to the second, 10 random characters: 26 of [0-9A-Za-z], an out_trade_no. */
function newOrderId(): string {
  const time = beijingTime(Date.now()).slice(0, 19).replace(/[-T:]/g, '');
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return `MP${time}${Array.from({ length: 10 }, () => alphabet[randomInt(62)]).join('')}`;
}
