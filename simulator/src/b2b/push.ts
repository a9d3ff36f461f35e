import type { TestClock } from '../clock/test-clock';
import { unixSeconds } from '../lib/time';
import type { MerchantRegistry } from '../merchants/registry';
import { acknowledgedBySuccess, originalIdOf, signPushUrl } from '../mini-program/message-push';
import type { Channel, Notifier } from '../notifications/notifier';
import type { B2bOrderRecord } from './b2b-order';
import type { B2bOrderBook } from './b2b-order-book';
import { b2bOf } from './config';

/** The notifier's channel of B2b message pushes. */
export const B2B_PUSH_CHANNEL = 'b2b-push';

/** The JSON message push of a paid B2b order: event `retail_pay_notify` (as the simulator models it). */
function b2bPushBody(order: B2bOrderRecord, wallNowMs: number): Record<string, unknown> {
  return {
    ToUserName: originalIdOf(order.appid),
    FromUserName: order.openid,
    CreateTime: unixSeconds(wallNowMs),
    MsgType: 'event',
    Event: 'retail_pay_notify',
    appid: order.appid,
    mchid: order.mchid,
    out_trade_no: order.outTradeNo,
    order_id: order.orderId,
    pay_status: order.payStatus,
    pay_time: order.paidAt === undefined ? undefined : unixSeconds(order.paidAt),
    attach: order.attach,
    payer_openid: order.openid,
    amount: { order_amount: order.amount, payer_amount: order.amount, currency: 'CNY' },
    wxpay_transaction_id: order.transactionId,
    env: order.env,
  };
}

/**
 * Each attempt: a fresh `CreateTime`, and `?signature=&timestamp=&nonce=` signed with the
 * merchant's message push Token. Acknowledged by a 200 whose body is `success`.
 */
export function b2bPushChannel(merchants: MerchantRegistry, clock: TestClock): Channel {
  return {
    request: (record) => {
      const merchant = merchants.find(record.mchid);
      const token = merchant && b2bOf(merchant)?.messagePushToken;
      if (!token)
        throw new Error(`merchant ${record.mchid} has no B2b message push Token any more`);
      const wallNow = clock.wallNow();
      const message = JSON.parse(record.body) as Record<string, unknown>;
      const url = new URL(record.url);
      signPushUrl(url, token, wallNow);
      return {
        url: url.toString(),
        headers: { 'Content-Type': 'application/json', 'User-Agent': 'wechatpay-simulator' },
        body: JSON.stringify({ ...message, CreateTime: unixSeconds(wallNow) }),
      };
    },
    acknowledged: acknowledgedBySuccess,
  };
}

/** B2b payment's push to the merchant's `notifyUrl` (none without one) when an order is paid. */
export function pushB2bPayments(options: {
  readonly merchants: MerchantRegistry;
  readonly orders: B2bOrderBook;
  readonly notifier: Notifier;
  readonly clock: TestClock;
}): void {
  const { merchants, orders, notifier, clock } = options;
  orders.onPaid(async (order, plan) => {
    const merchant = merchants.find(order.mchid);
    const url = merchant && b2bOf(merchant)?.notifyUrl;
    if (!url) return;
    await notifier.notify({
      channel: B2B_PUSH_CHANNEL,
      eventType: 'retail_pay_notify',
      mchid: order.mchid,
      subject: order.outTradeNo,
      url,
      body: JSON.stringify(b2bPushBody(order, clock.wallNow())),
      ...plan,
    });
  });
}
