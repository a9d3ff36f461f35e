import type { TestClock } from '../clock/test-clock';
import { hmacSha256Hex } from '../crypto/hmac';
import { unixSeconds } from '../lib/time';
import type { MerchantRegistry } from '../merchants/registry';
import { appKeyOf } from '../mini-program/config-rules';
import { acknowledgedByErrCode, originalIdOf, signPushUrl } from '../mini-program/message-push';
import type { Channel, Notifier } from '../notifications/notifier';
import { virtualPaymentOf } from './config';
import type { VirtualOrderRecord, VirtualRefund } from './virtual-order';
import type { VirtualOrderBook } from './virtual-order-book';

/** The notifier's channel of virtual payment pushes. */
export const VIRTUAL_PUSH_CHANNEL = 'virtual-push';

export type VirtualPushEvent =
  | 'xpay_goods_deliver_notify'
  | 'xpay_coin_pay_notify'
  | 'xpay_refund_notify';

/** The JSON message push of a virtual payment event (the fields the simulator models). */
export function virtualPushBody(
  event: VirtualPushEvent,
  order: VirtualOrderRecord,
  refund: VirtualRefund | undefined,
  wallNowMs: number,
): Record<string, unknown> {
  const common = {
    ToUserName: originalIdOf(order.appid),
    FromUserName: order.openid,
    CreateTime: unixSeconds(wallNowMs),
    MsgType: 'event',
    Event: event,
    OpenId: order.openid,
    Env: order.env,
  };
  if (refund) {
    return {
      ...common,
      WxOrderId: order.wxOrderId,
      MchOrderId: order.outTradeNo,
      WxRefundId: refund.wxRefundId,
      MchRefundId: refund.refundOrderId,
      RefundFee: refund.fee,
      RetCode: 0,
      RetMsg: 'success',
    };
  }
  const paid = {
    OutTradeNo: order.outTradeNo,
    WeChatPayInfo: {
      MchOrderNo: order.mchOrderNo,
      TransactionId: order.transactionId,
      PaidTime: order.paidAt === undefined ? undefined : unixSeconds(order.paidAt),
    },
  };
  const price = {
    Quantity: order.buyQuantity,
    OrigPrice: order.total,
    ActualPrice: order.total,
    Attach: order.attach,
  };
  return event === 'xpay_coin_pay_notify'
    ? { ...common, ...paid, CoinInfo: price }
    : { ...common, ...paid, GoodsInfo: { ProductId: order.productId, ...price } };
}

/**
 * Each attempt: a fresh `CreateTime`, then `?pay_sig=hmac_sha256(AppKey of Env, path + "&" +
 * body)` (the simulator's scheme, modelled on the xpay server APIs) and, when the merchant
 * registered a message push Token, `signature`, `timestamp` and `nonce` as WeChat's message
 * push carries them. Acknowledged by a 200 whose JSON has `ErrCode: 0`.
 */
export function virtualPushChannel(merchants: MerchantRegistry, clock: TestClock): Channel {
  return {
    request: (record) => {
      const merchant = merchants.find(record.mchid);
      const config = merchant && virtualPaymentOf(merchant);
      if (!config) throw new Error(`merchant ${record.mchid} has no virtual payment any more`);
      const wallNow = clock.wallNow();
      const message = JSON.parse(record.body) as Record<string, unknown>;
      const body = JSON.stringify({ ...message, CreateTime: unixSeconds(wallNow) });
      const url = new URL(record.url);
      const appKey = appKeyOf(config.appKeys, message.Env === 1 ? 1 : 0);
      url.searchParams.set('pay_sig', hmacSha256Hex(appKey, `${url.pathname}&${body}`));
      if (config.messagePushToken) signPushUrl(url, config.messagePushToken, wallNow);
      return {
        url: url.toString(),
        headers: { 'Content-Type': 'application/json', 'User-Agent': 'wechatpay-simulator' },
        body,
      };
    },
    acknowledged: acknowledgedByErrCode,
  };
}

/**
 * Virtual payment's pushes to the merchant's `notifyUrl` (none without one): the delivery
 * push when an order is paid (an acknowledged item push marks it delivered), the refund push.
 */
export function pushVirtualPayments(options: {
  readonly merchants: MerchantRegistry;
  readonly orders: VirtualOrderBook;
  readonly notifier: Notifier;
  readonly clock: TestClock;
}): void {
  const { merchants, orders, notifier, clock } = options;
  const push = async (
    event: VirtualPushEvent,
    order: VirtualOrderRecord,
    plan: { delayMs: number; drop: boolean },
    refund?: VirtualRefund,
  ) => {
    const merchant = merchants.find(order.mchid);
    const url = merchant && virtualPaymentOf(merchant)?.notifyUrl;
    if (!url) return;
    const body = JSON.stringify(virtualPushBody(event, order, refund, clock.wallNow()));
    const subject = order.outTradeNo;
    await notifier.notify({
      channel: VIRTUAL_PUSH_CHANNEL,
      eventType: event,
      mchid: order.mchid,
      subject,
      url,
      body,
      ...plan,
    });
  };
  orders.onPaid((order, plan) =>
    push(
      order.mode === 'short_series_goods' ? 'xpay_goods_deliver_notify' : 'xpay_coin_pay_notify',
      order,
      plan,
    ),
  );
  orders.onRefunded((order, plan, refund) => push('xpay_refund_notify', order, plan, refund));
  notifier.onDelivered(async (record) => {
    if (record.channel !== VIRTUAL_PUSH_CHANNEL) return;
    if (record.eventType !== 'xpay_goods_deliver_notify') return;
    const order = orders.find(record.mchid, record.subject);
    if (order) await orders.markDelivered(order);
  });
}
