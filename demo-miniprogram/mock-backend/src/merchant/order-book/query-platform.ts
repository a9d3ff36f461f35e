import type { MerchantOrder } from '../../storage/state';
import type { OrderBook } from './order-book';
import { isWeChatPayOrder } from './state-rules';

/**
 * Asks the platform about the order: `/v3/pay/transactions/...`, `/xpay/query_order`,
 * `/retail/B2b/getorder` or the transfer bill query.
 */
export async function queryPlatform(book: OrderBook, order: MerchantOrder): Promise<void> {
  const { platform, refresh } = book.deps;
  // An active query runs from a timer too: the platform's records may have changed on disk.
  await refresh();
  if (isWeChatPayOrder(order)) {
    const transaction = platform.wechatPay.query(order.orderId);
    if (transaction) await book.applyTransaction(transaction, 'query');
    return;
  }
  if (order.kind === 'common') {
    const found = platform.b2bPayment.query(order.orderId);
    if (found) await book.applyB2bReport(found, 'query');
    return;
  }
  if (order.kind === 'transfer') {
    const bill = platform.transfers.query(order.orderId);
    if (bill) await book.applyTransferBill(bill, 'query');
    return;
  }
  const result = platform.virtualPayment.query(order.orderId);
  if (!result) return;
  await book.applyVirtualReport(
    {
      source: 'query_order',
      outTradeNo: result.outTradeNo,
      openid: result.openid,
      env: result.env,
      mode: result.mode,
      status: result.status,
      total: result.total,
      ...(result.transactionId ? { transactionId: result.transactionId } : {}),
      ...(result.paidTime ? { paidTime: result.paidTime } : {}),
    },
    'query',
  );
}
