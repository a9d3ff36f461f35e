import { rfc3339Beijing } from '../../domain/ids';
import type { B2bPayStatus, TransferBillState } from '../../domain/order-state';
import { type ApplyOutcome, isDuplicate, rejected } from './apply-outcome';
import type { OrderBook } from './order-book';
import { b2bTransitionAllowed, stateOf, transferTransitionAllowed } from './state-rules';

/** A B2b order as the `retail_pay_notify` push or `/retail/B2b/getorder` reports it. */
export interface B2bReport {
  readonly outTradeNo: string;
  readonly mchid: string;
  readonly openid: string;
  readonly env: 0 | 1;
  readonly payStatus: B2bPayStatus;
  /** In fen. */
  readonly amount: number;
  /** WeChat's order id. */
  readonly orderId?: string;
  /** Unix seconds. */
  readonly payTime?: number;
}

/** A transfer bill as MCHTRANSFER.BILL.FINISHED or the bill query reports it. */
export interface TransferBillReport {
  readonly out_bill_no: string;
  readonly transfer_bill_no: string;
  readonly state: TransferBillState;
  readonly mch_id: string;
  readonly transfer_amount: number;
  readonly openid: string;
  readonly update_time: string;
  readonly fail_reason?: string;
}

/** Applies a B2b push or query result: checked against the order, then the state rules. */
export async function applyB2bReport(
  book: OrderBook,
  report: B2bReport,
  origin: 'notify' | 'query',
  notificationId: string | undefined,
): Promise<ApplyOutcome> {
  const order = book.find(report.outTradeNo);
  if (order?.kind !== 'common') return rejected(404, `unknown out_trade_no ${report.outTradeNo}`);
  if (report.mchid !== book.deps.config.mchId) return rejected(400, 'mchid is not this merchant');
  if (isDuplicate(order, notificationId)) return { kind: 'duplicate' };
  if (report.openid !== order.openid) return rejected(400, 'payer_openid does not match the order');
  if (report.env !== order.env) {
    return rejected(
      400,
      `env ${report.env} does not match order ${order.orderId}, made for env ${order.env}`,
    );
  }
  if (report.amount !== order.amount) return rejected(400, 'amount does not match the order');
  if (!b2bTransitionAllowed(order.payStatus, report.payStatus)) {
    return book.unchanged(order, notificationId);
  }
  const wasPaid = stateOf(order) === 'paid';
  order.payStatus = report.payStatus;
  if (!wasPaid && stateOf(order) === 'paid') {
    order.transactionId = report.orderId;
    if (report.payTime !== undefined) order.paidAt = rfc3339Beijing(report.payTime * 1000);
    order.confirmedBy = origin;
  }
  return book.changed(order, notificationId);
}

/** Applies a transfer bill's end (or its query): checked against the order, then the rules. */
export async function applyTransferBill(
  book: OrderBook,
  bill: TransferBillReport,
  origin: 'notify' | 'query',
  notificationId: string | undefined,
): Promise<ApplyOutcome> {
  const order = book.find(bill.out_bill_no);
  if (order?.kind !== 'transfer') return rejected(404, `unknown out_bill_no ${bill.out_bill_no}`);
  if (bill.mch_id !== book.deps.config.mchId) return rejected(400, 'mch_id is not this merchant');
  if (isDuplicate(order, notificationId)) return { kind: 'duplicate' };
  if (bill.transfer_bill_no !== order.transferBillNo) {
    return rejected(400, 'transfer_bill_no does not match the order');
  }
  if (bill.openid !== order.openid) return rejected(400, 'openid does not match the order');
  if (bill.transfer_amount !== order.amount) {
    return rejected(400, 'transfer_amount does not match the order');
  }
  if (!transferTransitionAllowed(order.billState, bill.state)) {
    return book.unchanged(order, notificationId);
  }
  order.billState = bill.state;
  if (bill.state === 'SUCCESS') {
    order.transactionId = bill.transfer_bill_no;
    order.paidAt = bill.update_time;
  }
  if (stateOf(order) !== 'pending') order.confirmedBy = origin;
  return book.changed(order, notificationId);
}
