import { WeChatError } from '../errors/wechat-error';
import { canonicalJson } from '../lib/json';
import type { DeliveryRecord } from '../notifications/delivery';
import type { OrderRecord } from '../payments/order';
import type { SimulatorServices } from '../plugins/services';
import type { Dashboard, TransactionAction } from './dashboard';
import { Relations } from './relations';

/** Why the refund of a dashboard's Refund button was made, as its `reason` says. */
export const DASHBOARD_REFUND_REASON = 'Refunded from the simulator dashboard';

/**
 * Runs a button of a transaction's row on the simulator's own records: sends the order's owed
 * notification now, drops its scheduled one, replays its delivered one (a duplicate, the same
 * body, as WeChat Pay repeats one), refunds what is left of a paid order (the refund settles on
 * the clock and ends as REFUND.SUCCESS to the merchant's URL), or closes an unpaid order.
 * 404 for an unknown order; 400 INVALID_REQUEST, saying why, when the button does not apply.
 */
export async function runTransactionAction(
  sim: SimulatorServices,
  dashboard: Dashboard,
  key: string,
  action: TransactionAction,
): Promise<void> {
  const order = dashboard.order(key);
  if (!order) throw new WeChatError(404, 'ORDER_NOT_EXIST', `There is no order ${key}.`);
  const latest = new Relations(sim).latestNotification(order.mchid, order.outTradeNo);
  switch (action) {
    case 'deliver-notification':
      if (!latest || !(await sim.notifier.sendNow(latest.id))) {
        throw refusal(order, 'owes no notification (none, or it was delivered)');
      }
      return;
    case 'drop-notification':
      if (!latest || !(await sim.notifier.drop(latest.id))) {
        throw refusal(order, 'has no notification waiting for its next attempt');
      }
      return;
    case 'replay-notification':
      if (latest?.state !== 'delivered') throw refusal(order, 'has delivered no notification');
      await replay(sim, latest);
      return;
    case 'refund':
      await refundRest(sim, order, new Relations(sim).refundedOf(order));
      return;
    case 'close':
      await sim.orders.close(order);
      return;
  }
}

async function replay(sim: SimulatorServices, record: DeliveryRecord): Promise<void> {
  const { channel, eventType, mchid, subject, url, body } = record;
  await sim.notifier.notify({
    channel,
    eventType,
    mchid,
    subject,
    url,
    body,
    delayMs: 0,
    drop: false,
  });
}

/** A refund of what is left of the order, to the merchant's refund URL, else its notify_url. */
async function refundRest(
  sim: SimulatorServices,
  order: OrderRecord,
  refunded: number,
): Promise<void> {
  const left = order.total - refunded;
  if (left <= 0) throw refusal(order, 'has nothing left to refund');
  const merchant = sim.merchants.find(order.mchid);
  const notifyUrl = merchant?.record.refundNotifyUrl ?? order.notifyUrl;
  const earlier = sim.refunds.list().filter((refund) => refund.orderKey === order.key).length;
  const outRefundNo = `${order.outTradeNo}-R${earlier + 1}`;
  const fields = {
    mchid: order.mchid,
    subMchid: order.subMchid,
    outRefundNo,
    reason: DASHBOARD_REFUND_REASON,
    notifyUrl,
    refund: left,
    total: order.total,
    currency: order.currency,
  };
  await sim.refunds.create({ ...fields, fingerprint: canonicalJson(fields) }, order);
}

function refusal(order: OrderRecord, why: string): WeChatError {
  return new WeChatError(400, 'INVALID_REQUEST', `Order ${order.outTradeNo} ${why}.`);
}
