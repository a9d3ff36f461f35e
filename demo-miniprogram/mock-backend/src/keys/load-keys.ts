import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { KEY_NAMES, type MockBackendKeys } from './key-material';

/** Keys ready for use: parsed key objects, public keys and certificate-like serials. */
export interface LoadedKeys {
  readonly material: MockBackendKeys;
  readonly merchantPrivateKey: KeyObject;
  readonly merchantPublicKey: KeyObject;
  readonly merchantPublicKeyPem: string;
  readonly merchantSerial: string;
  readonly platformPrivateKey: KeyObject;
  readonly platformPublicKey: KeyObject;
  readonly platformSerial: string;
  readonly wechatpayPublicKeyPrivateKey: KeyObject;
  readonly wechatpayPublicKey: KeyObject;
  /** `PUB_KEY_ID_` and 28 digits, as `Wechatpay-Serial` names the WeChat Pay public key. */
  readonly wechatpayPublicKeyId: string;
  appKeyForEnv(env: 0 | 1): string;
}

/** Parses a complete key set; throws a TypeError naming the first missing or malformed key. */
export function loadKeys(material: MockBackendKeys): LoadedKeys {
  for (const name of KEY_NAMES) {
    if (typeof material[name] !== 'string' || material[name].length === 0) {
      throw new TypeError(`[mock-backend] key ${name} is missing`);
    }
  }
  if (Buffer.byteLength(material.apiV3Key, 'utf8') !== 32) {
    throw new TypeError('[mock-backend] apiV3Key must be 32 bytes');
  }
  const merchantPrivateKey = parsePrivateKey(material.merchantPrivateKeyPem, 'merchant');
  const platformPrivateKey = parsePrivateKey(material.platformPrivateKeyPem, 'platform');
  const wechatpayPublicKeyPrivateKey = parsePrivateKey(
    material.wechatpayPublicKeyPrivateKeyPem,
    'WeChat Pay public key',
  );
  const wechatpayPublicKey = createPublicKey(wechatpayPublicKeyPrivateKey);
  const merchantPublicKey = createPublicKey(merchantPrivateKey);
  const platformPublicKey = createPublicKey(platformPrivateKey);
  return {
    material,
    merchantPrivateKey,
    merchantPublicKey,
    merchantPublicKeyPem: merchantPublicKey.export({ type: 'spki', format: 'pem' }).toString(),
    merchantSerial: serialOf(merchantPublicKey),
    platformPrivateKey,
    platformPublicKey,
    platformSerial: serialOf(platformPublicKey),
    wechatpayPublicKeyPrivateKey,
    wechatpayPublicKey,
    wechatpayPublicKeyId: publicKeyIdOf(wechatpayPublicKey),
    appKeyForEnv: (env) =>
      env === 0 ? material.virtualAppKeyProduction : material.virtualAppKeySandbox,
  };
}

/** A stand-in for a certificate serial number: 40 uppercase hex characters. */
function serialOf(publicKey: KeyObject): string {
  return spkiDigest(publicKey).toString('hex').toUpperCase();
}

/** A stand-in for a WeChat Pay public key id: `PUB_KEY_ID_` and 28 digits. */
function publicKeyIdOf(publicKey: KeyObject): string {
  const digits = BigInt(`0x${spkiDigest(publicKey).toString('hex')}`) % 10n ** 26n;
  return `PUB_KEY_ID_01${digits.toString().padStart(26, '0')}`;
}

function spkiDigest(publicKey: KeyObject): Buffer {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha1').update(der).digest();
}

function parsePrivateKey(pem: string, owner: string): KeyObject {
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'rsa') throw new TypeError('not an RSA key');
    return key;
  } catch {
    throw new TypeError(`[mock-backend] the ${owner} private key is not an RSA private key PEM`);
  }
}
