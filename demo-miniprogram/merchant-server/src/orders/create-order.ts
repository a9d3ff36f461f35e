import { randomInt } from 'node:crypto';
import { ApiError } from '../http/errors';
import type { Merchant } from '../merchant';
import { findProduct, type Product } from './catalogue';
import type { Order, OrderKind, Profile } from './order';
import { createPrepaidOrder } from './prepaid-order';
import { type Prepared, signCommon, signTransfer, signVirtual } from './prepared-order';

/** What `POST /api/orders` takes (checked by its schema). */
export interface CreateOrderInput {
  readonly productId: string;
  readonly quantity: number;
  readonly openid: string | undefined;
  readonly profile: Profile | undefined;
}

/** The user of an order that names none (orders that need no session: WeChat Pay, transfers). */
export const DEMO_OPENID = 'oMockDemoUser000000000000000';

const KINDS: Readonly<Record<Product['kind'], OrderKind>> = {
  goods: 'payment',
  'component-goods': 'order',
  'plugin-goods': 'plugin',
  coins: 'virtual',
  item: 'virtual',
  'b2b-goods': 'common',
  'cash-out': 'transfer',
};

const PROFILES: Readonly<Record<OrderKind, readonly Profile[]>> = {
  payment: ['wechat-v3', 'wechat-v2-md5', 'wechat-v2-hmac', 'psp'],
  order: ['wechat-v3', 'wechat-v2-md5', 'wechat-v2-hmac', 'psp'],
  plugin: ['wechat-v3'],
  virtual: ['wechat', 'tcmpp'],
  common: ['wechat'],
  transfer: ['wechat'],
};

/**
 * Creates an order of a product and prepares what the host API opens: at WeChat Pay first
 * where WeChat Pay holds the order before the cashier (a JSAPI prepay_id, v3 or v2; a transfer
 * bill), then stored, then its parameters signed with the kit.
 */
export async function createOrder(merchant: Merchant, input: CreateOrderInput): Promise<Prepared> {
  const product = findProduct(input.productId);
  if (!product) throw new ApiError(404, 'PRODUCT_NOT_FOUND', `no product ${input.productId}`);
  const kind = KINDS[product.kind];
  const allowed = PROFILES[kind];
  const profile = input.profile ?? (allowed[0] as Profile);
  if (!allowed.includes(profile)) {
    throw new ApiError(
      400,
      'PROFILE_NOT_APPLICABLE',
      `profile ${profile} does not apply to ${product.id}; use one of ${allowed.join(', ')}`,
    );
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
  if (kind === 'virtual' || kind === 'common') {
    const sessionKey = await sessionKeyOf(merchant, input.openid);
    const env = merchant.config.virtualPaymentEnv;
    const stored =
      kind === 'virtual'
        ? { ...order, status: 0, env, mode: product.mode as string }
        : { ...order, status: 'ORDER_INIT', env };
    await merchant.store.addOrder(stored);
    const sign = kind === 'virtual' ? signVirtual : signCommon;
    return sign(merchant, stored, product, sessionKey);
  }
  if (kind === 'transfer') return signTransfer(merchant, order, product);
  return createPrepaidOrder(merchant, order, product);
}

/** The session_key of a logged-in user (virtual and B2b parameters are signed with it). */
async function sessionKeyOf(merchant: Merchant, openid: string | undefined): Promise<string> {
  const sessionKey = openid === undefined ? undefined : await merchant.store.getSessionKey(openid);
  if (sessionKey === undefined) {
    throw new ApiError(
      401,
      'NO_SESSION',
      `openid ${openid ?? '(none given)'} has no session_key; log in first (POST /api/login) and name the openid`,
    );
  }
  return sessionKey;
}

/** `MP`, Beijing time to the second, 10 random characters: 26 of [0-9A-Za-z], an out_trade_no. */
function newOrderId(): string {
  const time = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 19).replace(/[-T:]/g, '');
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return `MP${time}${Array.from({ length: 10 }, () => alphabet[randomInt(62)]).join('')}`;
}
