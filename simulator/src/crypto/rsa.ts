import { createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

const CANONICAL_BASE64 = /^(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** SHA256withRSA of `message`, Base64, as every WeChat Pay v3 signature. */
export function signSha256WithRsa(message: string, privateKey: KeyObject): string {
  return sign('sha256', Buffer.from(message, 'utf8'), privateKey).toString('base64');
}

/** Whether `signature` (Base64) is SHA256withRSA of `message`. False for anything malformed. */
export function verifySha256WithRsa(
  message: string | Buffer,
  signature: string,
  publicKey: KeyObject,
): boolean {
  if (!CANONICAL_BASE64.test(signature)) return false;
  try {
    return verify(
      'sha256',
      typeof message === 'string' ? Buffer.from(message, 'utf8') : message,
      publicKey,
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/**
 * An RSA public key of at least 2048 bits from an SPKI PEM (`BEGIN PUBLIC KEY`) or an X.509
 * certificate PEM, or a sentence saying why not.
 */
export function parseRsaPublicKey(pem: string): KeyObject | string {
  if (!/-----BEGIN (?:PUBLIC KEY|CERTIFICATE)-----/.test(pem)) {
    return 'is not a PEM public key (-----BEGIN PUBLIC KEY-----) or certificate (-----BEGIN CERTIFICATE-----)';
  }
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    return `does not parse: ${(error as Error).message}`;
  }
  if (key.asymmetricKeyType !== 'rsa') return `is a ${key.asymmetricKeyType} key, not RSA`;
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  return bits >= 2048 ? key : `is an RSA key of ${bits} bits; WeChat Pay takes 2048 bits or more`;
}
