import { WeChatError } from '../errors/wechat-error';
import type { OrderRecord } from '../payments/order';
import type { OrderBook } from '../payments/order-book';

/** An order by out_trade_no or transaction_id, else 404 ORDER_NOT_EXIST. */
export function lookupOrder(
  orders: OrderBook,
  mchid: string,
  subMchid: string | undefined,
  by: { readonly outTradeNo: string } | { readonly transactionId: string },
): OrderRecord {
  const order =
    'outTradeNo' in by
      ? orders.find(mchid, subMchid, by.outTradeNo)
      : orders.findByTransactionId(mchid, subMchid, by.transactionId);
  if (order) return order;
  const merchant =
    subMchid === undefined ? `merchant ${mchid}` : `sub-merchant ${subMchid} of ${mchid}`;
  const which =
    'outTradeNo' in by
      ? `out_trade_no ${by.outTradeNo}`
      : `transaction_id ${by.transactionId} (an order has one only once paid)`;
  throw new WeChatError(404, 'ORDER_NOT_EXIST', `${merchant} has no order with ${which}.`);
}
