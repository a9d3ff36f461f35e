import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The signature types of WeChat Pay API v2. */
export type V2SignType = 'MD5' | 'HMAC-SHA256';

export function isV2SignType(value: unknown): value is V2SignType {
  return value === 'MD5' || value === 'HMAC-SHA256';
}

/**
 * The API v2 signature: the fields with a value sorted by name, `name=value` joined with `&`,
 * then `&key=<v2 key>`; uppercase hex MD5, or HMAC-SHA256 keyed with the v2 key. `sign` and
 * empty fields are left out.
 */
export function signV2(
  fields: Readonly<Record<string, string | number | undefined>>,
  key: string,
  signType: V2SignType,
): string {
  const pairs = Object.keys(fields)
    .sort()
    .filter((name) => name !== 'sign' && fields[name] !== undefined && fields[name] !== '')
    .map((name) => `${name}=${fields[name]}`);
  const signString = `${pairs.join('&')}&key=${key}`;
  const hash = signType === 'MD5' ? createHash('md5') : createHmac('sha256', key);
  return hash.update(signString, 'utf8').digest('hex').toUpperCase();
}

/** Whether `signature` is the v2 signature of `fields` (compared in constant time). */
export function v2SignatureValid(
  fields: Readonly<Record<string, string | number | undefined>>,
  signature: string,
  key: string,
  signType: V2SignType,
): boolean {
  const expected = Buffer.from(signV2(fields, key, signType), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
