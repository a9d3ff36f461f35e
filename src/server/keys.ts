import { createPrivateKey, createPublicKey, KeyObject, X509Certificate } from 'node:crypto';
import { invalidArgument } from './invalid-argument';

/** Parsed PEM keys, so that signing many orders does not parse the same PEM each time. */
const parsed = new Map<string, KeyObject>();
const MAX_CACHED = 32;

function remember(pem: string, key: KeyObject): KeyObject {
  if (parsed.size >= MAX_CACHED) parsed.clear();
  parsed.set(pem, key);
  return key;
}

/**
 * Your RSA private key (`apiclient_key.pem`, PKCS#8 or PKCS#1 PEM, or a private `KeyObject`).
 * Throws the TypeError of `api` naming `name`; the key itself never appears in a message.
 */
export function toPrivateKey(value: unknown, api: string, name: string): KeyObject {
  const expected = 'an RSA private key: a PEM string (apiclient_key.pem) or a private KeyObject';
  if (value instanceof KeyObject) {
    if (value.type !== 'private' || value.asymmetricKeyType !== 'rsa') {
      invalidArgument(
        api,
        name,
        expected,
        `a ${value.type} ${value.asymmetricKeyType ?? ''} KeyObject`,
      );
    }
    return value;
  }
  if (typeof value !== 'string' || !value.includes('PRIVATE KEY-----')) {
    invalidArgument(api, name, expected, value, true);
  }
  const cached = parsed.get(value);
  if (cached) return cached;
  let key: KeyObject;
  try {
    key = createPrivateKey(value);
  } catch {
    return invalidArgument(api, name, `${expected}, that parses`, value, true);
  }
  if (key.asymmetricKeyType !== 'rsa')
    invalidArgument(api, name, expected, `a ${key.asymmetricKeyType} key`);
  return remember(value, key);
}

/**
 * A platform public key from a WeChat Pay public key PEM (`pub_key.pem`, SPKI), a platform
 * certificate PEM, or a public `KeyObject`. Never throws: a string says what is wrong.
 */
export function toPublicKey(value: unknown): KeyObject | string {
  if (value instanceof KeyObject) {
    return value.type === 'public' && value.asymmetricKeyType === 'rsa'
      ? value
      : `a ${value.type} ${value.asymmetricKeyType ?? ''} KeyObject, not an RSA public key`;
  }
  if (typeof value !== 'string') return `not a PEM string or KeyObject`;
  if (value.includes('PRIVATE KEY')) return 'a private key, not a public key';
  const cached = parsed.get(value);
  if (cached) return cached;
  try {
    const key = value.includes('BEGIN CERTIFICATE')
      ? new X509Certificate(value).publicKey
      : createPublicKey(value);
    return key.asymmetricKeyType === 'rsa'
      ? remember(value, key)
      : `a ${key.asymmetricKeyType} key, not RSA`;
  } catch {
    return 'a string that is not a public key or certificate PEM';
  }
}
