/** WeChat Pay's refund statuses: PROCESSING, then SUCCESS or CLOSED; ABNORMAL is not final. */
export type RefundStatus = 'PROCESSING' | 'SUCCESS' | 'ABNORMAL' | 'CLOSED';

/** How a refund may end, by the clock or by `/sim/refunds/settle`. */
export const REFUND_OUTCOMES = ['SUCCESS', 'ABNORMAL', 'CLOSED'] as const;
export type RefundOutcome = (typeof REFUND_OUTCOMES)[number];

/** A refund, as stored. `mchid` is the merchant that signed (the service provider for a partner). */
export interface RefundRecord {
  readonly key: string;
  readonly mchid: string;
  readonly subMchid?: string;
  readonly outRefundNo: string;
  readonly refundId: string;
  readonly orderKey: string;
  readonly outTradeNo: string;
  readonly transactionId: string;
  readonly reason?: string;
  readonly notifyUrl?: string;
  readonly refund: number;
  readonly total: number;
  readonly currency: string;
  /** The request's parameters, canonical: the same refund asked again has the same. */
  readonly fingerprint: string;
  status: RefundStatus;
  readonly createdAt: number;
  successAt?: number;
  settleTaskId?: string;
}

/** A refund's key in the store: out_refund_no is unique per (sub-)merchant. */
export function refundKey(
  mchid: string,
  subMchid: string | undefined,
  outRefundNo: string,
): string {
  return `${mchid}|${subMchid ?? ''}|${outRefundNo}`;
}
