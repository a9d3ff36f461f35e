import { randomInt, randomUUID } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const DIGITS = '0123456789';
const HEX = '0123456789abcdef';
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

export function randomString(length: number, alphabet: string = ALPHANUMERIC): string {
  let result = '';
  for (let index = 0; index < length; index++) result += alphabet[randomInt(alphabet.length)];
  return result;
}

/** A 32-character secret (APIv3 key, v2 API key, AppKey). */
export function newSecret(): string {
  return randomString(32);
}

/** Merchant out_trade_no: `MP` + Beijing time + 10 characters; 26 characters of [0-9A-Za-z]. */
export function newOrderId(nowMs: number): string {
  return `MP${compactBeijingTime(nowMs)}${randomString(10)}`;
}

/** Like WeChat's: `wx` + Beijing time + 20 hex characters (36 characters). */
export function newPrepayId(nowMs: number): string {
  return `wx${compactBeijingTime(nowMs)}${randomString(20, HEX)}`;
}

/** Like WeChat's: 28 digits starting with 42000. */
export function newTransactionId(nowMs: number): string {
  return `42000${compactBeijingTime(nowMs).slice(0, 8)}${randomString(15, DIGITS)}`;
}

export function newNotificationId(): string {
  return randomUUID();
}

/** `yyyyMMddHHmmss` in Beijing time (UTC+8), as WeChat ids embed it. */
export function compactBeijingTime(nowMs: number): string {
  return rfc3339Beijing(nowMs).slice(0, 19).replace(/[-T:]/g, '');
}

/** RFC 3339 with the +08:00 offset WeChat Pay uses, e.g. `2018-06-08T10:34:56+08:00`. */
export function rfc3339Beijing(ms: number): string {
  const shifted = new Date(Math.floor(ms / 1000) * 1000 + BEIJING_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 19)}+08:00`;
}

export { unixSeconds } from '../../../../src/shared/time';

/** Like WeChat Pay's transfer_bill_no: 34 digits starting with 1330. */
export function newTransferBillNo(nowMs: number): string {
  return `1330${randomString(10, DIGITS)}${compactBeijingTime(nowMs).slice(0, 8)}${randomString(12, DIGITS)}`;
}

/** An opaque package_info, Base64 like WeChat Pay's (`ABBQO+oYAAABAAAAAAAk…`). */
export function newPackageInfo(): string {
  return Buffer.from(randomString(60), 'utf8').toString('base64');
}

/** Like the order_id of a B2b order: 19 digits. */
export function newB2bOrderId(): string {
  return `1${randomString(18, DIGITS)}`;
}
