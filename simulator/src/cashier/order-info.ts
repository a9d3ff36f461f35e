import { isRecord } from '../lib/json';
import { type OrderRecord, payingOpenid } from '../payments/order';

/**
 * What the transaction component checks of `orderInfo` (the simulator's choice, on the
 * shape the component's orders had): `out_order_id` is the order's out_trade_no,
 * `openid` (when given) the payer, `order_detail.pay_info.prepay_id` the prepay_id of
 * `package`, and the products (`sale_price` x `product_cnt`, fen) add up to the total.
 * Answers the field that does not match, or undefined.
 */
export function orderInfoMismatch(
  orderInfo: unknown,
  order: OrderRecord,
  prepayId: string,
): string | undefined {
  if (!isRecord(orderInfo)) return 'orderInfo is not an object';
  if (orderInfo.out_order_id !== order.outTradeNo) return 'orderInfo.out_order_id';
  if (orderInfo.openid !== undefined && orderInfo.openid !== payingOpenid(order)) {
    return 'orderInfo.openid';
  }
  const detail = orderInfo.order_detail;
  const payInfo = isRecord(detail) ? detail.pay_info : undefined;
  if (!isRecord(payInfo) || payInfo.prepay_id !== prepayId) {
    return 'orderInfo.order_detail.pay_info.prepay_id';
  }
  const products = isRecord(detail) ? detail.product_infos : undefined;
  if (!Array.isArray(products) || products.length === 0) {
    return 'orderInfo.order_detail.product_infos';
  }
  let total = 0;
  for (const product of products) {
    if (!isRecord(product)) return 'orderInfo.order_detail.product_infos';
    const { sale_price: price, product_cnt: count } = product;
    if (!Number.isInteger(price) || !Number.isInteger(count)) {
      return 'orderInfo.order_detail.product_infos';
    }
    total += (price as number) * (count as number);
  }
  return total === order.total ? undefined : 'orderInfo.order_detail.product_infos (total)';
}
