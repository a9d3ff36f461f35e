import { verify } from 'node:crypto';
import { describeThrown, describeValue } from '../shared/values';
import { readHeader } from './notification-headers';
import { type Refusal, refuse, SIGNATURE_TYPE } from './notification-types';
import { findPlatformKey } from './platform-keys';

const CANONICAL_BASE64 = /^(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const TIMESTAMP = /^[0-9]{1,12}$/;
/** How the signature of WeChat Pay's signature probes starts. */
const SIGNATURE_PROBE = 'WECHATPAY/SIGNTEST/';
const NAMES = [
  'Wechatpay-Timestamp',
  'Wechatpay-Nonce',
  'Wechatpay-Signature',
  'Wechatpay-Serial',
] as const;

/** Now in whole seconds from `options.now`, or the refusal of a broken clock. */
function nowSeconds(now: unknown): number | Refusal {
  if (now !== undefined && typeof now !== 'function') {
    return refuse(
      401,
      'invalid_options',
      `options.now must be a function that returns milliseconds; got ${describeValue(now)}.`,
    );
  }
  let ms: unknown;
  try {
    ms = now ? now() : Date.now();
  } catch (error) {
    return refuse(401, 'invalid_options', `options.now() threw: ${describeThrown(error)}.`);
  }
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    return refuse(
      401,
      'invalid_options',
      `options.now() must return milliseconds; it returned ${describeValue(ms)}.`,
    );
  }
  return Math.floor(ms / 1000);
}

/** The headers, serial, clock and signature checks: a refusal, or undefined when all pass. */
export function authenticate(
  headers: object,
  bytes: Buffer,
  options: Record<string, unknown>,
): Refusal | undefined {
  const values: string[] = [];
  for (const name of NAMES) {
    const header = readHeader(headers, name);
    if (!header.ok) return refuse(401, `${header.problem}_header`, `${header.detail}.`);
    values.push(header.value);
  }
  const [timestamp = '', nonce = '', signature = '', serial = ''] = values;
  if (signature.startsWith(SIGNATURE_PROBE)) {
    return refuse(
      401,
      'signature_probe',
      `Wechatpay-Signature starts with ${SIGNATURE_PROBE}: this is WeChat Pay's signature probe, which checks that forged notifications are refused.`,
    );
  }
  const signatureType = readHeader(headers, 'Wechatpay-Signature-Type');
  if (
    signatureType.ok ? signatureType.value !== SIGNATURE_TYPE : signatureType.problem !== 'missing'
  ) {
    return refuse(
      401,
      'unsupported_signature_type',
      `Wechatpay-Signature-Type must be ${SIGNATURE_TYPE}; got ${signatureType.ok ? describeValue(signatureType.value) : signatureType.detail}.`,
    );
  }
  const found = findPlatformKey(options.platformKeys, serial);
  if (!('key' in found)) return refuse(401, found.code, found.message);
  if (!TIMESTAMP.test(timestamp)) {
    return refuse(
      401,
      'malformed_header',
      `Wechatpay-Timestamp must be Unix seconds (digits); got ${describeValue(timestamp)}.`,
    );
  }
  const { maxSkewSeconds = 300 } = options;
  if (typeof maxSkewSeconds !== 'number' || !(maxSkewSeconds >= 0)) {
    return refuse(
      401,
      'invalid_options',
      `options.maxSkewSeconds must be a number >= 0; got ${describeValue(maxSkewSeconds)}.`,
    );
  }
  const now = nowSeconds(options.now);
  if (typeof now !== 'number') return now;
  const age = now - Number(timestamp);
  if (Math.abs(age) > maxSkewSeconds) {
    const how = age > 0 ? `${age} s old` : `${-age} s in the future`;
    return refuse(
      401,
      'stale_timestamp',
      `Wechatpay-Timestamp ${timestamp} is ${how}; at most ${maxSkewSeconds} s either way is accepted.`,
    );
  }
  const message = Buffer.concat([
    Buffer.from(`${timestamp}\n${nonce}\n`, 'utf8'),
    bytes,
    Buffer.from('\n'),
  ]);
  let verified = false;
  try {
    verified =
      CANONICAL_BASE64.test(signature) &&
      verify('sha256', message, found.key, Buffer.from(signature, 'base64'));
  } catch {
    verified = false;
  }
  if (!verified) {
    return refuse(
      401,
      'bad_signature',
      `Wechatpay-Signature does not verify with the key of serial ${JSON.stringify(serial)} over the ${bytes.length}-byte body received (verify the raw body, before any JSON parsing).`,
    );
  }
  return undefined;
}
