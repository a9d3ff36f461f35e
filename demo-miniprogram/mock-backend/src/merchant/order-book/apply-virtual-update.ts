import { rfc3339Beijing } from '../../domain/ids';
import type { VirtualOrderStatus } from '../../domain/order-state';
import type { MerchantVirtualOrder, VirtualMode } from '../../storage/state';
import { type ApplyOutcome, isDuplicate, rejected } from './apply-outcome';
import type { OrderBook } from './order-book';
import { stateOf, virtualTransitionAllowed } from './state-rules';

/** A virtual order's state as a delivery push or `/xpay/query_order` reports it. */
export interface VirtualPaymentReport {
  /** What reported it: the push's Event, or `query_order`. */
  readonly source: string;
  readonly outTradeNo: string;
  readonly openid: string;
  /** The env whose AppKey signed it: 0 production, 1 sandbox. */
  readonly env: 0 | 1;
  /** The mode it is about; undefined for a refund push (any mode can be refunded). */
  readonly mode: VirtualMode | undefined;
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
  const mismatch = envOrModeMismatch(report, order);
  if (mismatch) return rejected(400, mismatch);
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

const ENV_NAMES = { 0: 'production', 1: 'sandbox' } as const;
const MODE_NAMES: Readonly<Record<VirtualMode, string>> = {
  short_series_coin: 'a coin top-up',
  short_series_goods: 'an item purchase',
};

/**
 * A push settles only the order it was made for: same env (a sandbox push never settles a
 * production order, whichever AppKey signed it) and same mode (a coin push never pays an item).
 */
function envOrModeMismatch(
  report: VirtualPaymentReport,
  order: MerchantVirtualOrder,
): string | undefined {
  if (report.env !== order.env) {
    return `Env ${report.env} (${ENV_NAMES[report.env]}) does not match order ${order.orderId}, made for env ${order.env} (${ENV_NAMES[order.env]})`;
  }
  if (report.mode !== undefined && report.mode !== order.mode) {
    return `${report.source} is ${MODE_NAMES[report.mode]} push; order ${order.orderId} is ${MODE_NAMES[order.mode]} (${order.mode})`;
  }
  return undefined;
}
