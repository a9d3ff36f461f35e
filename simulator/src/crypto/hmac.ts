import { createHmac, timingSafeEqual } from 'node:crypto';

/** Lowercase hex HMAC-SHA256; the key is its UTF-8 string, as WeChat's signatures use it. */
export function hmacSha256Hex(key: string, message: string | Buffer): string {
  return createHmac('sha256', key).update(message).digest('hex');
}

/** Whether `given` is the HMAC-SHA256 of `message` under `key` (constant time). */
export function hmacSha256Valid(key: string, message: string | Buffer, given: string): boolean {
  const expected = Buffer.from(hmacSha256Hex(key, message), 'utf8');
  const actual = Buffer.from(given, 'utf8');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
