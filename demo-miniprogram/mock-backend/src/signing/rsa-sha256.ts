import { type KeyObject, sign, verify } from 'node:crypto';

const CANONICAL_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** SHA256withRSA (PKCS#1 v1.5), Base64: the signature WeChat Pay API v3 uses everywhere. */
export function signRsaSha256(data: string | Buffer, privateKey: KeyObject): string {
  return sign('sha256', toBytes(data), privateKey).toString('base64');
}

/** Checks a Base64 SHA256withRSA signature; false for anything malformed, never throws. */
export function verifyRsaSha256(
  data: string | Buffer,
  signatureBase64: string,
  publicKey: KeyObject,
): boolean {
  if (signatureBase64.length === 0 || !CANONICAL_BASE64.test(signatureBase64)) return false;
  try {
    return verify('sha256', toBytes(data), publicKey, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

function toBytes(data: string | Buffer): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}
