import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { compactBeijingTime } from './time';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const DIGITS = '0123456789';
const HEX = '0123456789abcdef';

export function randomString(length: number, alphabet: string = ALPHANUMERIC): string {
  let result = '';
  for (let index = 0; index < length; index++) result += alphabet[randomInt(alphabet.length)];
  return result;
}

/** A nonce as WeChat Pay sends them: 32 characters of [0-9A-Za-z]. */
export function newNonce(): string {
  return randomString(32);
}

/** Like WeChat's: `wx` + Beijing time + 20 hex characters (36 characters). */
export function newPrepayId(nowMs: number): string {
  return `wx${compactBeijingTime(nowMs)}${randomString(20, HEX)}`;
}

/** Like WeChat's: 28 digits starting with 42000. */
export function newTransactionId(nowMs: number): string {
  return `42000${compactBeijingTime(nowMs).slice(0, 8)}${randomString(15, DIGITS)}`;
}

/** Like WeChat's refund_id: 29 digits starting with 50. */
export function newRefundId(nowMs: number): string {
  return `50${randomString(3, DIGITS)}${compactBeijingTime(nowMs).slice(0, 8)}${randomString(16, DIGITS)}`;
}

/** A notification's `id`: a UUID, as WeChat Pay's are. */
export function newNotificationId(): string {
  return randomUUID();
}

/** The `Request-ID` every answer carries: 40 uppercase hex characters and `-0`, like WeChat's. */
export function newRequestId(): string {
  return `${randomBytes(20).toString('hex').toUpperCase()}-0`;
}
