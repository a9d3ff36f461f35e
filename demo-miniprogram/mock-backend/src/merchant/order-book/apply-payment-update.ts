import type { RefundResource, Transaction } from '../../platform/transaction';
import { type ApplyOutcome, isDuplicate, rejected } from './apply-outcome';
import type { OrderBook } from './order-book';
import { isWeChatPayOrder, paymentTransitionAllowed } from './state-rules';

/** Applies a Transaction (notification or query): checked against the order, then the state rules. */
export async function applyTransaction(
  book: OrderBook,
  transaction: Transaction,
  origin: 'notify' | 'query',
  notificationId: string | undefined,
): Promise<ApplyOutcome> {
  const order = book.find(transaction.out_trade_no);
  if (!isWeChatPayOrder(order)) {
    return rejected(404, `unknown out_trade_no ${transaction.out_trade_no}`);
  }
  const { config } = book.deps;
  if (transaction.appid !== config.appId || transaction.mchid !== config.mchId) {
    return rejected(400, 'appid or mchid is not this merchant');
  }
  if (isDuplicate(order, notificationId)) return { kind: 'duplicate' };
  if (transaction.amount.total !== order.amount || transaction.amount.currency !== order.currency) {
    return rejected(400, 'amount does not match the order');
  }
  if (transaction.payer.openid !== order.openid) {
    return rejected(400, 'payer does not match the order');
  }
  if (!paymentTransitionAllowed(order.tradeState, transaction.trade_state)) {
    return book.unchanged(order, notificationId);
  }
  order.tradeState = transaction.trade_state;
  if (transaction.trade_state === 'SUCCESS') {
    order.transactionId = transaction.transaction_id;
    order.paidAt = transaction.success_time;
  }
  order.confirmedBy = origin;
  return book.changed(order, notificationId);
}

/** Applies a REFUND.SUCCESS notification (only a full refund moves the order to refunded). */
export async function applyRefund(
  book: OrderBook,
  refund: RefundResource,
  notificationId: string,
): Promise<ApplyOutcome> {
  const order = book.find(refund.out_trade_no);
  if (!isWeChatPayOrder(order)) {
    return rejected(404, `unknown out_trade_no ${refund.out_trade_no}`);
  }
  if (refund.mchid !== book.deps.config.mchId) return rejected(400, 'mchid is not this merchant');
  if (isDuplicate(order, notificationId)) return { kind: 'duplicate' };
  if (refund.amount.total !== order.amount || refund.transaction_id !== order.transactionId) {
    return rejected(400, 'refund does not match the order');
  }
  if (
    refund.amount.refund !== order.amount ||
    !paymentTransitionAllowed(order.tradeState, 'REFUND')
  ) {
    return book.unchanged(order, notificationId);
  }
  order.tradeState = 'REFUND';
  return book.changed(order, notificationId);
}
