import { randomString } from '../lib/ids';
import { compactBeijingTime } from '../lib/time';

const DIGITS = '0123456789';

/** Like virtual payment's `wx_order_id`: 28 digits, `45000001…` then the date. */
export function newWxOrderId(nowMs: number): string {
  return `4500000${randomString(3, DIGITS)}${compactBeijingTime(nowMs).slice(0, 8)}${randomString(10, DIGITS)}`;
}

/** A virtual payment refund's id on WeChat's side: 28 digits, `46000001…` then the date. */
export function newWxRefundId(nowMs: number): string {
  return `4600000${randomString(3, DIGITS)}${compactBeijingTime(nowMs).slice(0, 8)}${randomString(10, DIGITS)}`;
}

/** The merchant order number virtual payment gives WeChat Pay: `xpay` and 24 digits. */
export function newXpayMchOrderNo(): string {
  return `xpay${randomString(24, DIGITS)}`;
}

/** Like B2b payment's `order_id`: `o`, Beijing time, 10 digits (`o202307291423123564754773`). */
export function newB2bOrderId(nowMs: number): string {
  return `o${compactBeijingTime(nowMs)}${randomString(10, DIGITS)}`;
}
