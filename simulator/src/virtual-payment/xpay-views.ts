import { unixSeconds } from '../lib/time';
import type { VirtualOrderRecord, VirtualRefund } from './virtual-order';

/** `order` of `/xpay/query_order` for a payment order (`order_type` 0). */
export function paymentOrderView(order: VirtualOrderRecord) {
  const paid = order.paidAt !== undefined;
  return {
    order_id: order.outTradeNo,
    create_time: unixSeconds(order.createdAt),
    update_time: unixSeconds(order.updatedAt),
    status: order.status,
    biz_type: 0,
    order_fee: order.total,
    coupon_fee: 0,
    paid_fee: paid ? order.total : 0,
    order_type: 0,
    refund_fee: 0,
    paid_time: order.paidAt === undefined ? 0 : unixSeconds(order.paidAt),
    provide_time: order.deliveredAt === undefined ? 0 : unixSeconds(order.deliveredAt),
    biz_meta: order.attach,
    env_type: envType(order),
    token: '',
    left_fee: order.leftFee,
    wx_order_id: order.wxOrderId,
    channel_order_id: order.mchOrderNo ?? '',
    wxpay_order_id: order.transactionId ?? '',
  };
}

/** `order` of `/xpay/query_order` for a refund (`order_type` 1), asked by refund_order_id. */
export function refundOrderView(order: VirtualOrderRecord, refund: VirtualRefund) {
  return {
    order_id: refund.refundOrderId,
    create_time: unixSeconds(refund.at),
    update_time: unixSeconds(refund.at),
    status: 5,
    biz_type: 0,
    order_fee: order.total,
    coupon_fee: 0,
    paid_fee: order.total,
    order_type: 1,
    refund_fee: refund.fee,
    paid_time: unixSeconds(refund.at),
    provide_time: 0,
    biz_meta: refund.bizMeta,
    env_type: envType(order),
    token: '',
    left_fee: order.leftFee,
    wx_order_id: refund.wxRefundId,
    channel_order_id: order.mchOrderNo ?? '',
    wxpay_order_id: order.transactionId ?? '',
  };
}

/** query_order numbers environments its own way: 1 production, 2 sandbox. */
function envType(order: VirtualOrderRecord): 1 | 2 {
  return order.env === 0 ? 1 : 2;
}
