import type { VirtualProduct } from '../../domain/catalogue';
import { newOrderId } from '../../domain/ids';
import type { MerchantVirtualOrder } from '../../storage/state';
import { type CreateOrderInput, pickProfile, sessionKeyOf, userOf } from './create-order';
import type { OrderBook } from './order-book';
import {
  buildSignData,
  type PreparedOrder,
  signVirtualParams,
  VIRTUAL_PROFILES,
} from './prepared-order';

/** A coin pack or an item: signData signed with the AppKey and the user's session_key. */
export async function createVirtualOrder(
  book: OrderBook,
  product: VirtualProduct,
  input: CreateOrderInput,
): Promise<PreparedOrder> {
  const profile = pickProfile(input.profile, VIRTUAL_PROFILES, product.id);
  const { config, keys } = book.deps;
  const openid = await userOf(book, input);
  const sessionKey = sessionKeyOf(book, openid);
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
