import type { MerchantRegistry } from '../merchants/registry';
import type { OrderBook } from '../payments/order-book';
import type { RefundBook } from '../payments/refund-book';
import { refundNotificationResource } from '../v3/refund-view';
import { transactionView } from '../v3/transaction-view';
import type { Notifier, NotifyPlan } from './notifier';
import { v3NotificationBody } from './v3-notification';

export interface PaymentNotificationsOptions {
  readonly merchants: MerchantRegistry;
  readonly orders: OrderBook;
  readonly refunds: RefundBook;
  readonly notifier: Notifier;
  readonly wallNow: () => number;
}

/**
 * API v3's notifications of payments and refunds: TRANSACTION.SUCCESS to the order's
 * notify_url when a v3 order is paid; REFUND.SUCCESS / ABNORMAL / CLOSED to the refund's
 * notify_url (else the merchant's registered `refundNotifyUrl`; none without either, as WeChat
 * sends none when no address is set).
 */
export function notifyPayments(options: PaymentNotificationsOptions): void {
  const { merchants, orders, refunds, notifier, wallNow } = options;
  const send = async (
    mchid: string,
    eventType: string,
    resource: object,
    url: string,
    subject: string,
    plan: NotifyPlan,
  ): Promise<void> => {
    const merchant = merchants.find(mchid);
    if (!merchant) return;
    const body = v3NotificationBody(merchant.record.apiV3Key, eventType, resource, wallNow());
    await notifier.notify({ channel: 'v3', eventType, mchid, subject, url, body, ...plan });
  };

  orders.onPaid(async (order, plan) => {
    if (order.api !== 'v3') return;
    await send(
      order.mchid,
      'TRANSACTION.SUCCESS',
      transactionView(order),
      order.notifyUrl,
      order.outTradeNo,
      plan,
    );
  });

  refunds.onSettled(async (refund, plan) => {
    const url = refund.notifyUrl ?? merchants.find(refund.mchid)?.record.refundNotifyUrl;
    if (url === undefined) return;
    const resource = refundNotificationResource(refund);
    await send(refund.mchid, `REFUND.${refund.status}`, resource, url, refund.outRefundNo, plan);
  });
}
