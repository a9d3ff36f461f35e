import { ApiError } from '../http/errors';
import type { Refund } from '../kit';
import type { Merchant } from '../merchant';
import { requireOrder } from './close-order';
import { stateOf } from './order';

/**
 * Refunds a paid order in full (`POST /v3/refund/domestic/refunds`), as the merchant's admin
 * does: WeChat Pay answers PROCESSING, and the order becomes refunded when `REFUND.SUCCESS`
 * reaches `/pay/notify`. Asking again refunds nothing more (the same `out_refund_no` and
 * parameters answer the same refund). Orders of API v3 only: a v2 refund needs the merchant's
 * TLS certificate, and virtual, B2b and transfer orders are not refunded through WeChat Pay.
 */
export async function refundOrder(merchant: Merchant, orderId: string): Promise<Refund> {
  const order = await requireOrder(merchant, orderId);
  if (order.api !== 'v3') {
    throw new ApiError(
      409,
      'REFUND_NOT_APPLICABLE',
      `order ${orderId} is not an API v3 payment of WeChat Pay`,
    );
  }
  if (stateOf(order) !== 'paid' && stateOf(order) !== 'refunded') {
    throw new ApiError(409, 'ORDER_NOT_PAID', `order ${orderId} is ${stateOf(order)}, not paid`);
  }
  return merchant.platform.pay.v3<Refund>('POST', '/v3/refund/domestic/refunds', {
    out_trade_no: orderId,
    out_refund_no: `R${orderId}`,
    reason: 'Refunded by the merchant',
    notify_url: `${merchant.platform.ownUrl}/pay/notify`,
    amount: { refund: order.amount, total: order.amount, currency: order.currency },
  });
}
