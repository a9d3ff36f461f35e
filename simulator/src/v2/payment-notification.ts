import type { MerchantRegistry } from '../merchants/registry';
import type { Channel, Notifier } from '../notifications/notifier';
import type { OrderBook } from '../payments/order-book';
import { signedV2Xml } from './answers';
import type { V2OrderNotes } from './order-notes';
import { paymentNotificationFields } from './order-view';
import { parseV2Xml } from './xml';

/** The notifier's channel of API v2 payment notifications. */
export const V2_CHANNEL = 'v2';

/**
 * API v2 payment notifications: the XML (signed once, at payment, with the API v2 key) is
 * POSTed as it is at each attempt; the merchant acknowledges with a 2xx whose body is XML with
 * `return_code` SUCCESS. Anything else (FAIL, text, JSON, no answer) is retried.
 */
export function v2Channel(): Channel {
  return {
    request: (record) => ({
      url: record.url,
      headers: { 'Content-Type': 'text/xml; charset=utf-8', 'User-Agent': 'wechatpay-simulator' },
      body: record.body,
    }),
    acknowledged: (status, answer) => {
      if (status < 200 || status >= 300) return false;
      const reading = parseV2Xml(answer.trim());
      return reading.ok && reading.fields.return_code === 'SUCCESS';
    },
  };
}

export interface V2PaymentNotificationsOptions {
  readonly merchants: MerchantRegistry;
  readonly orders: OrderBook;
  readonly notifier: Notifier;
  readonly notes: V2OrderNotes;
}

/** When an order of API v2 is paid, its XML notification goes to its notify_url. */
export function notifyV2Payments(options: V2PaymentNotificationsOptions): void {
  const { merchants, orders, notifier, notes } = options;
  orders.onPaid(async (order, plan) => {
    if (order.api !== 'v2') return;
    const key = merchants.find(order.mchid)?.record.apiV2Key;
    if (key === undefined) return;
    const note = notes.of(order.key);
    await notifier.notify({
      channel: V2_CHANNEL,
      eventType: 'TRANSACTION.SUCCESS',
      mchid: order.mchid,
      subject: order.outTradeNo,
      url: order.notifyUrl,
      body: signedV2Xml(paymentNotificationFields(order, note), key, note.signType),
      ...plan,
    });
  });
}
