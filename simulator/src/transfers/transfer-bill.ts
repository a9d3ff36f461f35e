import { randomBytes } from 'node:crypto';
import { randomString } from '../lib/ids';
import { compactBeijingTime } from '../lib/time';
import type { CashierNote } from '../payments/order';

/** A merchant transfer bill's `state` (商家转账, the 2025 user-confirmation mode). */
export const TRANSFER_BILL_STATES = [
  'ACCEPTED',
  'PROCESSING',
  'WAIT_USER_CONFIRM',
  'TRANSFERING',
  'SUCCESS',
  'FAIL',
  'CANCELING',
  'CANCELLED',
] as const;
export type TransferBillState = (typeof TRANSFER_BILL_STATES)[number];

/** The states a bill ends in, each told by MCHTRANSFER.BILL.FINISHED. */
export type TransferBillEnd = 'SUCCESS' | 'FAIL' | 'CANCELLED';

/** A transfer bill, as stored. `mchid` is the merchant whose money moves and who is notified. */
export interface TransferBillRecord {
  readonly key: string;
  readonly mchid: string;
  readonly appid: string;
  readonly outBillNo: string;
  readonly transferBillNo: string;
  readonly sceneId: string;
  readonly openid: string;
  /** fen */
  readonly amount: number;
  readonly remark: string;
  readonly notifyUrl?: string;
  /** What opens the user's confirmation page (wx.requestMerchantTransfer's `package`). */
  readonly packageInfo: string;
  /** The request's parameters, canonical: the same bill created again has the same. */
  readonly fingerprint: string;
  /** ms on the test clock. */
  readonly createdAt: number;
  state: TransferBillState;
  /** Why the bill failed or was cancelled: WeChat's codes (OVERDUE_CLOSE, MCH_CANCEL, …). */
  failReason?: string;
  updatedAt: number;
  /** The task that ends the bill next (its 24 hours, or a cancellation completing). */
  taskId?: string;
  /** What the user did last at wx.requestMerchantTransfer (for people reading the dashboard). */
  lastCashier?: CashierNote;
}

export function transferBillKey(mchid: string, outBillNo: string): string {
  return `${mchid}|${outBillNo}`;
}

const DIGITS = '0123456789';

/** Like WeChat's transfer_bill_no: 40 digits starting with 1330 and the Beijing date. */
export function newTransferBillNo(nowMs: number): string {
  return `1330${randomString(10, DIGITS)}${compactBeijingTime(nowMs).slice(0, 8)}${randomString(18, DIGITS)}`;
}

/** An opaque package_info, Base64 like WeChat Pay's (`ABBQO+oYAAABAAAAAAAk…`). */
export function newPackageInfo(): string {
  return randomBytes(66).toString('base64');
}
