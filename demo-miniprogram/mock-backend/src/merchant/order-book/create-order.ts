import { findProduct, type Product } from '../../domain/catalogue';
import { newOrderId } from '../../domain/ids';
import { ApiError } from '../../http/api-error';
import type { MerchantPaymentOrder, MerchantVirtualOrder } from '../../storage/state';
import type { OrderBook } from './order-book';
import {
  buildSignData,
  PAYMENT_PROFILES,
  type PreparedOrder,
  signPaymentParams,
  signSchemeOf,
  signVirtualParams,
  VIRTUAL_PROFILES,
} from './prepared-order';

export interface CreateOrderInput {
  readonly productId: string;
  readonly quantity: number;
  readonly openid: string | undefined;
  readonly profile: string | undefined;
}

/** Creates the order (at the platform too, for a JSAPI payment) and signs its parameters. */
export async function createOrder(
  book: OrderBook,
  input: CreateOrderInput,
): Promise<PreparedOrder> {
  const product = findProduct(input.productId);
  if (!product) {
    throw new ApiError(404, 'PRODUCT_NOT_FOUND', `no product ${input.productId}`);
  }
  return product.kind === 'goods'
    ? createPaymentOrder(book, product, input)
    : createVirtualOrder(book, product, input);
}

async function createPaymentOrder(
  book: OrderBook,
  product: Extract<Product, { kind: 'goods' }>,
  input: CreateOrderInput,
): Promise<PreparedOrder> {
  const profile = pickProfile(input.profile, PAYMENT_PROFILES, product.id);
  const { config, keys, platform } = book.deps;
  const openid = input.openid ?? (await demoUser(book));
  const orderId = newOrderId(config.now());
  const amount = product.price * input.quantity;
  const prepayId = await platform.wechatPay.createJsapiOrder({
    appid: config.appId,
    mchid: config.mchId,
    description: product.name,
    outTradeNo: orderId,
    total: amount,
    currency: product.currency,
    payerOpenid: openid,
    signScheme: signSchemeOf(profile),
  });
  const order: MerchantPaymentOrder = {
    kind: 'payment',
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
  const params = signPaymentParams({
    profile,
    appId: config.appId,
    prepayId,
    nowMs: config.now(),
    merchantPrivateKey: keys.merchantPrivateKey,
    v2ApiKey: keys.material.v2ApiKey,
  });
  return { orderId, kind: 'payment', params, amount };
}

async function createVirtualOrder(
  book: OrderBook,
  product: Extract<Product, { kind: 'coins' | 'item' }>,
  input: CreateOrderInput,
): Promise<PreparedOrder> {
  const profile = pickProfile(input.profile, VIRTUAL_PROFILES, product.id);
  const { config, keys, platform } = book.deps;
  const openid = input.openid ?? (await demoUser(book));
  const sessionKey = platform.login.sessionKeyOf(openid);
  if (sessionKey === undefined) {
    throw new ApiError(
      401,
      'NO_SESSION',
      `openid ${openid} has no session_key; log in first (POST /api/login)`,
    );
  }
  const orderId = newOrderId(config.now());
  const env = config.virtualPaymentEnv;
  const signData = buildSignData({
    product,
    quantity: input.quantity,
    orderId,
    offerId: config.offerId,
    env,
    profile,
  });
  const amount = product.price * input.quantity;
  const order: MerchantVirtualOrder = {
    kind: 'virtual',
    orderId,
    productId: product.id,
    quantity: input.quantity,
    amount,
    currency: product.currency,
    openid,
    profile,
    mode: product.mode,
    env,
    signData,
    virtualStatus: 0,
    createdAt: config.now(),
    appliedNotificationIds: [],
  };
  await book.save(order);
  const params = signVirtualParams({
    profile,
    mode: product.mode,
    signData,
    appKey: keys.appKeyForEnv(env),
    sessionKey,
  });
  return { orderId, kind: 'virtual', params, amount };
}

/** The demo user, given a session on first use. */
async function demoUser(book: OrderBook): Promise<string> {
  const { platform, config } = book.deps;
  return (await platform.login.ensureSession(config.defaultOpenid)).openid;
}

function pickProfile<P extends string>(
  requested: string | undefined,
  allowed: readonly P[],
  productId: string,
): P {
  const profile = requested ?? allowed[0];
  if (!allowed.includes(profile as P)) {
    throw new ApiError(
      400,
      'PROFILE_NOT_APPLICABLE',
      `profile ${String(requested)} does not apply to ${productId}; use one of ${allowed.join(', ')}`,
    );
  }
  return profile as P;
}
