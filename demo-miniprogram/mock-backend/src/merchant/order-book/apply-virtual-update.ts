import { rfc3339Beijing } from '../../domain/ids';
import type { VirtualOrderStatus } from '../../domain/order-state';
import { type ApplyOutcome, isDuplicate, rejected } from './apply-outcome';
import type { OrderBook } from './order-book';
import { stateOf, virtualTransitionAllowed } from './state-rules';

/** A virtual order's state as a delivery push or `/xpay/query_order` reports it. */
export interface VirtualPaymentReport {
  readonly outTradeNo: string;
  readonly openid: string;
  readonly status: VirtualOrderStatus;
  /** Total in fen; undefined when the report carries no amount. */
  readonly total: number | undefined;
  readonly productId?: string;
  readonly transactionId?: string;
  /** Unix seconds. */
  readonly paidTime?: number;
}

/** Applies a push or query result: checked against the order, then the state rules. */
export async function applyVirtualReport(
  book: OrderBook,
  report: VirtualPaymentReport,
  origin: 'notify' | 'query',
  notificationId: string | undefined,
): Promise<ApplyOutcome> {
  const order = book.find(report.outTradeNo);
  if (order?.kind !== 'virtual') return rejected(404, `unknown OutTradeNo ${report.outTradeNo}`);
  if (report.openid !== order.openid) return rejected(400, 'OpenId does not match the order');
  if (isDuplicate(order, notificationId)) return { kind: 'duplicate' };
  if (report.total !== undefined && report.total !== order.amount) {
    return rejected(400, 'price does not match the order');
  }
  if (report.productId !== undefined && report.productId !== order.productId) {
    return rejected(400, 'ProductId does not match the order');
  }
  if (!virtualTransitionAllowed(order.virtualStatus, report.status)) {
    return book.unchanged(order, notificationId);
  }
  const wasPaid = stateOf(order) === 'paid';
  order.virtualStatus = report.status;
  if (!wasPaid && stateOf(order) === 'paid') {
    order.transactionId = report.transactionId;
    if (report.paidTime !== undefined) order.paidAt = rfc3339Beijing(report.paidTime * 1000);
    order.confirmedBy = origin;
  }
  return book.changed(order, notificationId);
}
