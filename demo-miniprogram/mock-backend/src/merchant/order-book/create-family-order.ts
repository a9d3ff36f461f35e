import type { B2bGoodsProduct, CashOutProduct } from '../../domain/catalogue';
import { newOrderId } from '../../domain/ids';
import type { MerchantCommonOrder, MerchantTransferOrder } from '../../storage/state';
import { type CreateOrderInput, pickProfile, sessionKeyOf, userOf } from './create-order';
import { b2bSignData, signB2bParams, transferParamsOf } from './family-params';
import type { OrderBook } from './order-book';
import type { PreparedOrder } from './prepared-order';

const ONLY_WECHAT = ['wechat'] as const;

/**
 * A B2b order: signData `{ mchid, out_trade_no, description, amount, attach, env }` signed
 * with the server kit's signCommonPayment (AppKey of env, the user's session_key).
 */
export async function createCommonOrder(
  book: OrderBook,
  product: B2bGoodsProduct,
  input: CreateOrderInput,
): Promise<PreparedOrder> {
  const profile = pickProfile(input.profile, ONLY_WECHAT, product.id);
  const { config, keys } = book.deps;
  const openid = await userOf(book, input);
  const sessionKey = sessionKeyOf(book, openid);
  const orderId = newOrderId(config.now());
  const env = config.virtualPaymentEnv;
  const amount = product.price * input.quantity;
  const signData = b2bSignData({
    mchid: config.mchId,
    orderId,
    description: product.name,
    amount,
    env,
  });
  const order: MerchantCommonOrder = {
    kind: 'common',
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
    payStatus: 'ORDER_INIT',
    createdAt: config.now(),
    appliedNotificationIds: [],
  };
  await book.save(order);
  const params = signB2bParams({ signData, appKey: keys.appKeyForEnv(env), sessionKey });
  return { orderId, kind: 'common', params, amount };
}

/**
 * A cash-out: the platform creates the transfer bill (WAIT_USER_CONFIRM, with a package_info)
 * and the server kit's merchantTransferParams turns it into the client's parameters.
 */
export async function createTransferOrder(
  book: OrderBook,
  product: CashOutProduct,
  input: CreateOrderInput,
): Promise<PreparedOrder> {
  const profile = pickProfile(input.profile, ONLY_WECHAT, product.id);
  const { config, platform } = book.deps;
  const openid = await userOf(book, input);
  const orderId = newOrderId(config.now());
  const amount = product.price * input.quantity;
  const bill = await platform.transfers.createBill({
    outBillNo: orderId,
    mchId: config.mchId,
    appId: config.appId,
    openid,
    amount,
    remark: product.name,
  });
  const order: MerchantTransferOrder = {
    kind: 'transfer',
    orderId,
    productId: product.id,
    quantity: input.quantity,
    amount,
    currency: product.currency,
    openid,
    profile,
    transferBillNo: bill.transfer_bill_no,
    billState: bill.state,
    createdAt: config.now(),
    appliedNotificationIds: [],
  };
  await book.save(order);
  const params = transferParamsOf({
    mchId: config.mchId,
    appId: config.appId,
    openId: openid,
    bill,
  });
  return { orderId, kind: 'transfer', params, amount };
}
