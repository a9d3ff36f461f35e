import type { MerchantConfig } from '../config/options';
import type { VirtualOrderAnswer } from '../wechat/mini-program-api';
import { firstMismatch, type Report } from './apply-report';
import { beijingTime, type Order } from './order';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0;
const ENV_NAMES = ['production', 'sandbox'];
const MODE_NAMES: Readonly<Record<string, string>> = {
  short_series_coin: 'a coin top-up',
  short_series_goods: 'an item purchase',
};
const beijing = (unixSeconds: number) => beijingTime(unixSeconds * 1000);

/** A push settles only the order it was made for: its env (a sandbox push never pays production). */
function envMismatch(env: unknown, order: Order): string | undefined {
  if (env === order.env) return undefined;
  return `Env ${String(env)} (${ENV_NAMES[Number(env)] ?? 'unknown'}) does not match order ${order.orderId}, made for env ${order.env} (${ENV_NAMES[order.env ?? 0]})`;
}

/**
 * A verified virtual payment push: `xpay_coin_pay_notify` (a coin top-up paid: 2),
 * `xpay_goods_deliver_notify` (an item paid; acknowledging it delivers it: 4) or
 * `xpay_refund_notify` (refunded: 5). A sentence saying what is missing otherwise.
 */
export function virtualPushReport(body: Json): Report | string {
  const refund = body.Event === 'xpay_refund_notify';
  const goods = body.Event === 'xpay_goods_deliver_notify';
  if (!refund && !goods && body.Event !== 'xpay_coin_pay_notify')
    return `unknown Event ${String(body.Event)}`;
  const pay = isRecord(body.WeChatPayInfo) ? body.WeChatPayInfo : {};
  const info = goods ? body.GoodsInfo : body.CoinInfo;
  const price = isRecord(info) ? info : {};
  const orderId = refund ? body.MchOrderId : body.OutTradeNo;
  const total = refund ? body.RefundFee : price.ActualPrice;
  if (typeof orderId !== 'string' || !isCount(total) || typeof body.OpenId !== 'string')
    return `the push is missing ${refund ? 'MchOrderId or RefundFee' : 'OutTradeNo, WeChatPayInfo or the price'}`;
  if (!refund && (typeof pay.TransactionId !== 'string' || !isCount(pay.PaidTime)))
    return 'the push is missing WeChatPayInfo.TransactionId or PaidTime';
  const mode = refund ? undefined : goods ? 'short_series_goods' : 'short_series_coin';
  return {
    orderId,
    kinds: ['virtual'],
    status: refund ? 5 : goods ? 4 : 2,
    ...(refund
      ? {}
      : { transactionId: pay.TransactionId as string, paidAt: beijing(pay.PaidTime as number) }),
    mismatch: (order) =>
      firstMismatch({ OpenId: body.OpenId === order.openid }) ??
      envMismatch(body.Env, order) ??
      (mode && mode !== order.mode
        ? `${String(body.Event)} is ${MODE_NAMES[mode]} push; order ${order.orderId} is ${MODE_NAMES[order.mode ?? '']} (${order.mode})`
        : undefined) ??
      firstMismatch({
        'the price': total === order.amount,
        ProductId: !goods || price.ProductId === order.productId,
      }),
  };
}

/** What `/xpay/query_order` answered for the order. */
export function virtualQueryReport(orderId: string, answer: VirtualOrderAnswer): Report {
  return {
    orderId,
    kinds: ['virtual'],
    status: answer.status,
    ...(answer.wxpay_order_id ? { transactionId: answer.wxpay_order_id } : {}),
    ...(answer.paid_time ? { paidAt: beijing(answer.paid_time) } : {}),
    mismatch: (order) =>
      firstMismatch({
        order_fee: answer.order_fee === undefined || answer.order_fee === order.amount,
      }),
  };
}

/**
 * A verified B2b `retail_pay_notify` message push, or `/retail/B2b/getorder`'s order: the
 * order's mchid, payer, env and amount. A sentence saying what is missing otherwise.
 */
export function b2bReport(config: MerchantConfig, body: Json): Report | string {
  const amount = isRecord(body.amount) ? body.amount.order_amount : undefined;
  if (
    typeof body.out_trade_no !== 'string' ||
    typeof body.pay_status !== 'string' ||
    !isCount(amount)
  )
    return 'the push is missing out_trade_no, pay_status or amount.order_amount';
  return {
    orderId: body.out_trade_no,
    kinds: ['common'],
    status: body.pay_status,
    ...(typeof body.order_id === 'string' ? { transactionId: body.order_id } : {}),
    ...(isCount(body.pay_time) ? { paidAt: beijing(body.pay_time) } : {}),
    mismatch: (order) =>
      (body.mchid !== config.mchId ? 'mchid is not this merchant' : undefined) ??
      firstMismatch({
        payer_openid: body.payer_openid === undefined || body.payer_openid === order.openid,
      }) ??
      (body.env !== undefined ? envMismatch(body.env, order) : undefined) ??
      firstMismatch({ amount: amount === order.amount }),
  };
}
