import { rfc3339Beijing } from '../lib/time';
import type { RefundRecord } from '../payments/refund';

/** What the refunded user received the money to (change: 零钱). */
export const USER_RECEIVED_ACCOUNT = '支付用户零钱';

/** The Refund of API v3, as creating and querying a refund answer it. */
export function refundView(refund: RefundRecord): Record<string, unknown> {
  return {
    refund_id: refund.refundId,
    out_refund_no: refund.outRefundNo,
    transaction_id: refund.transactionId,
    out_trade_no: refund.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: USER_RECEIVED_ACCOUNT,
    ...(refund.successAt === undefined ? {} : { success_time: rfc3339Beijing(refund.successAt) }),
    create_time: rfc3339Beijing(refund.createdAt),
    status: refund.status,
    funds_account: 'AVAILABLE',
    amount: {
      total: refund.total,
      refund: refund.refund,
      from: [],
      payer_total: refund.total,
      payer_refund: refund.refund,
      settlement_refund: refund.refund,
      settlement_total: refund.total,
      discount_refund: 0,
      currency: refund.currency,
      refund_fee: 0,
    },
    promotion_detail: [],
  };
}

/** The resource of a REFUND.* notification. */
export function refundNotificationResource(refund: RefundRecord): Record<string, unknown> {
  return {
    ...(refund.subMchid === undefined
      ? { mchid: refund.mchid }
      : { sp_mchid: refund.mchid, sub_mchid: refund.subMchid }),
    out_trade_no: refund.outTradeNo,
    transaction_id: refund.transactionId,
    out_refund_no: refund.outRefundNo,
    refund_id: refund.refundId,
    refund_status: refund.status,
    ...(refund.successAt === undefined ? {} : { success_time: rfc3339Beijing(refund.successAt) }),
    user_received_account: USER_RECEIVED_ACCOUNT,
    amount: {
      total: refund.total,
      refund: refund.refund,
      payer_total: refund.total,
      payer_refund: refund.refund,
    },
  };
}
