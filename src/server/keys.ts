import { createPrivateKey, createPublicKey, KeyObject, X509Certificate } from 'node:crypto';
import { argumentError, describeSecret } from './invalid-argument';

/** A PEM: its text, or the bytes of the `.pem` file as `readFileSync` gives them (a Buffer). */
export type Pem = string | Buffer;

/** Parsed PEM keys, so that signing many orders does not parse the same PEM each time. */
const parsed = new Map<string, KeyObject>();
const MAX_CACHED = 32;

function remember(pem: string, key: KeyObject): KeyObject {
  if (parsed.size >= MAX_CACHED) parsed.clear();
  parsed.set(pem, key);
  return key;
}

/** The text of a PEM given as a string or as bytes; undefined for anything else. */
function pemText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!(value instanceof Uint8Array)) return undefined;
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
}

/** What kind of key a KeyObject is, for a message: `a public rsa KeyObject`. */
function kindOf(key: KeyObject): string {
  return [`a ${key.type}`, key.asymmetricKeyType, 'KeyObject'].filter(Boolean).join(' ');
}

const PUBLIC_PEM = /-----BEGIN (RSA )?PUBLIC KEY-----/;
const CERTIFICATE_PEM = '-----BEGIN CERTIFICATE-----';

/**
 * An RSA private key from a PEM (PKCS#8 or PKCS#1, a string or a Buffer) or a private
 * `KeyObject`. `whose` says which key `name` must be, e.g. "your merchant private key
 * (apiclient_key.pem)". Throws the TypeError of `api` naming `name` and saying what it got
 * instead (a public key, a certificate, an EC key, ...); the key itself never appears in it.
 */
export function toPrivateKey(value: unknown, api: string, name: string, whose: string): KeyObject {
  const expected = `${whose}: an RSA private key PEM (a string, or the Buffer of the .pem file) or a private KeyObject`;
  const refuse = (got: string): never => {
    throw argumentError(api, name, expected, got);
  };
  if (value instanceof KeyObject) {
    if (value.type === 'private' && value.asymmetricKeyType === 'rsa') return value;
    return refuse(`${kindOf(value)}, where ${whose} is needed`);
  }
  const pem = pemText(value);
  if (pem === undefined) return refuse(describeSecret(value));
  if (PUBLIC_PEM.test(pem)) return refuse(`a public key, where ${whose} is needed`);
  if (pem.includes(CERTIFICATE_PEM)) {
    return refuse(`a certificate (it holds a public key), where ${whose} is needed`);
  }
  if (!pem.includes('PRIVATE KEY-----'))
    return refuse(`${describeSecret(value)} that is no PEM key`);
  const cached = parsed.get(pem);
  if (cached) return cached;
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    if (pem.includes('ENCRYPTED PRIVATE KEY')) {
      return refuse('an encrypted private key: decrypt it, or give a KeyObject');
    }
    return refuse('a private key PEM that does not parse');
  }
  if (key.asymmetricKeyType !== 'rsa') {
    return refuse(`an ${key.asymmetricKeyType} private key, where an RSA key is needed`);
  }
  return remember(pem, key);
}

/**
 * A platform public key from a WeChat Pay public key PEM (`pub_key.pem`, SPKI), a platform
 * certificate PEM (either a string or a Buffer), or a public `KeyObject`. Never throws: a
 * string says what is wrong.
 */
export function toPublicKey(value: unknown): KeyObject | string {
  if (value instanceof KeyObject) {
    return value.type === 'public' && value.asymmetricKeyType === 'rsa'
      ? value
      : `${kindOf(value)}, not an RSA public key`;
  }
  const pem = pemText(value);
  if (pem === undefined) return 'not a PEM (a string or a Buffer) or a KeyObject';
  if (pem.includes('PRIVATE KEY')) return 'a private key, not a public key';
  const cached = parsed.get(pem);
  if (cached) return cached;
  try {
    const key = pem.includes(CERTIFICATE_PEM)
      ? new X509Certificate(pem).publicKey
      : createPublicKey(pem);
    return key.asymmetricKeyType === 'rsa'
      ? remember(pem, key)
      : `a ${key.asymmetricKeyType} key, not RSA`;
  } catch {
    return 'a PEM that is not a public key or certificate';
  }
}
