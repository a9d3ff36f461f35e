import type { RequestEntry } from '../journal/journal';
import type { DeliveryRecord } from '../notifications/delivery';
import type { OrderRecord } from '../payments/order';
import type { RefundRecord } from '../payments/refund';
import type { SimulatorServices } from '../plugins/services';
import type { RequestSubjects } from './activity';

/**
 * How the records relate, for the rows: an order's latest notification and what its refunds
 * take, the order a notification or a request is about. Made for one snapshot or one change
 * (its indexes are of the records as they are then).
 */
export class Relations {
  private readonly latest = new Map<string, DeliveryRecord>();
  private readonly refunded = new Map<string, number>();
  private readonly refundsBySubject = new Map<string, RefundRecord>();
  private readonly ordersBySubject = new Map<string, OrderRecord>();

  constructor(private readonly sim: SimulatorServices) {
    for (const record of sim.notifier.list()) {
      if (record.channel === 'probe') continue;
      const key = subjectKey(record.mchid, record.subject);
      const known = this.latest.get(key);
      if (!known || record.createdAt >= known.createdAt) this.latest.set(key, record);
    }
    for (const refund of sim.refunds.list()) {
      this.refundsBySubject.set(subjectKey(refund.mchid, refund.outRefundNo), refund);
      if (refund.status === 'CLOSED') continue;
      this.refunded.set(refund.orderKey, (this.refunded.get(refund.orderKey) ?? 0) + refund.refund);
    }
    for (const order of sim.orders.list()) {
      this.ordersBySubject.set(subjectKey(order.mchid, order.outTradeNo), order);
    }
  }

  /** The newest notification about `subject` (an out_trade_no, an out_refund_no) of `mchid`. */
  latestNotification(mchid: string, subject: string): DeliveryRecord | undefined {
    return this.latest.get(subjectKey(mchid, subject));
  }

  /** What the order's refunds take, CLOSED ones aside. */
  refundedOf(order: OrderRecord): number {
    return this.refunded.get(order.key) ?? 0;
  }

  /** The refund a notification is about, if it is about one. */
  refundOf(record: DeliveryRecord): RefundRecord | undefined {
    return this.refundsBySubject.get(subjectKey(record.mchid, record.subject));
  }

  /** The order a notification is about (itself, or through its refund). */
  orderKeyOf(record: DeliveryRecord): string | undefined {
    return (
      this.refundOf(record)?.orderKey ??
      this.ordersBySubject.get(subjectKey(record.mchid, record.subject))?.key
    );
  }

  /** The order a request named, by out_trade_no, transaction_id or out_refund_no. */
  orderKeyOfRequest(entry: RequestEntry, subjects: RequestSubjects): string | undefined {
    const { orders, refunds } = this.sim;
    const mchid = entry.mchid ?? '';
    const { subMchid, outTradeNo, transactionId, outRefundNo } = subjects;
    const order =
      (outTradeNo === undefined ? undefined : orders.find(mchid, subMchid, outTradeNo)) ??
      (transactionId === undefined
        ? undefined
        : orders.findByTransactionId(mchid, subMchid, transactionId));
    if (order) return order.key;
    return outRefundNo === undefined
      ? undefined
      : refunds.find(mchid, subMchid, outRefundNo)?.orderKey;
  }
}

function subjectKey(mchid: string, subject: string): string {
  return `${mchid}|${subject}`;
}
