import type { Merchant } from '../merchant';
import { mayMove, type Order, type OrderKind, stateOf } from './order';

/**
 * What WeChat says of an order, from a notification or a query, whatever the API: the
 * platform's state, and what must match the order for it to count.
 */
export interface Report {
  readonly orderId: string;
  /** The kinds of order this report can be about. */
  readonly kinds: readonly OrderKind[];
  /** trade_state, the virtual status number, pay_status or the bill state. */
  readonly status: string | number;
  /** Once paid: the platform's id of the payment, and when (RFC 3339). */
  readonly transactionId?: string;
  readonly paidAt?: string;
  /** The first field that does not match the order, as a sentence; undefined when all do. */
  readonly mismatch: (order: Order) => string | undefined;
}

/** The first of `checks` that fails, as `<what> does not match the order`. */
export function firstMismatch(checks: Record<string, boolean>): string | undefined {
  const failed = Object.entries(checks).find(([, ok]) => !ok)?.[0];
  return failed && `${failed} does not match the order`;
}

/** How a report was taken. A rejected notification is answered with `status`: WeChat retries. */
export type Outcome =
  | { readonly kind: 'applied' | 'unchanged' }
  | { readonly kind: 'rejected'; readonly status: 400 | 404; readonly message: string };

/**
 * Applies a report to its order: it must be an order of this merchant of a kind the report is
 * about, and match it (amount, payer, …); then the order moves only as `mayMove` allows, so
 * a duplicate, or a notification after the query that already applied it, changes nothing
 * (paid once: same transactionId, same paidAt). A change wakes the status requests held on
 * the order, on every instance.
 */
export async function applyReport(merchant: Merchant, report: Report): Promise<Outcome> {
  const order = await merchant.store.getOrder(report.orderId);
  if (!order || !report.kinds.includes(order.kind)) {
    return {
      kind: 'rejected',
      status: 404,
      message: `no order ${report.orderId} of this merchant`,
    };
  }
  const mismatch = report.mismatch(order);
  if (mismatch) return { kind: 'rejected', status: 400, message: mismatch };
  const updated = await merchant.store.updateOrder(report.orderId, (current) => {
    if (!mayMove(current, report.status)) return undefined;
    const paidNow = stateOf(current) !== 'paid' && stateOf({ status: report.status }) === 'paid';
    return {
      ...current,
      status: report.status,
      ...(paidNow && report.transactionId ? { transactionId: report.transactionId } : {}),
      ...(paidNow && report.paidAt ? { paidAt: report.paidAt } : {}),
    };
  });
  if (!updated || updated.after === updated.before) return { kind: 'unchanged' };
  await changed(merchant, report.orderId);
  return { kind: 'applied' };
}

/**
 * The order changed: wake its held status requests here and, through the store's events, on
 * the other instances. A failed publish is logged: the change stands, and the other instances'
 * requests answer at the end of their wait.
 */
export async function changed(merchant: Merchant, orderId: string): Promise<void> {
  await merchant.watch.changed(orderId).catch((error: unknown) => {
    console.error(`[merchant-server] ${(error as Error).message}`);
  });
}
