import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  type KeyObject,
  X509Certificate,
} from 'node:crypto';
import { createCertificatePem } from './certificate';

/** The platform's keys for a merchant, as stored: PEMs only. */
export interface PlatformKeyRecord {
  readonly certificate: {
    readonly serial: string;
    readonly pem: string;
    readonly privateKeyPem: string;
  };
  readonly publicKey: {
    /** `PUB_KEY_ID_…`, as `Wechatpay-Serial` names the WeChat Pay public key. */
    readonly id: string;
    /** SPKI PEM. */
    readonly pem: string;
    readonly privateKeyPem: string;
  };
}

/** One key the platform signs with, and the serial (`Wechatpay-Serial`) naming it. */
export interface SigningKey {
  readonly serial: string;
  readonly privateKey: KeyObject;
}

/** The platform's keys, parsed. */
export interface PlatformKeys {
  readonly record: PlatformKeyRecord;
  readonly certificate: SigningKey & {
    readonly pem: string;
    readonly notBefore: number;
    readonly notAfter: number;
  };
  readonly publicKey: SigningKey & { readonly pem: string };
}

/** The platform certificate is valid this long from its making. */
const CERTIFICATE_LIFETIME_MS = 5 * 365 * 24 * 60 * 60 * 1000;

/**
 * The record of a platform key pair set: a certificate made for the first key (its serial
 * derived from the key, so that the same key always has the same serial) and the id of the
 * second. `commonName` goes into the certificate.
 */
export function platformKeyRecordOf(
  certificatePrivateKeyPem: string,
  publicKeyPrivateKeyPem: string,
  commonName: string,
  nowMs: number,
): PlatformKeyRecord {
  const certificateKey = parsePrivateKey(certificatePrivateKeyPem, 'certificate');
  const publicKeyKey = parsePrivateKey(publicKeyPrivateKeyPem, 'public key');
  const serial = certificateSerialOf(createPublicKey(certificateKey));
  const publicKey = createPublicKey(publicKeyKey);
  return {
    certificate: {
      serial,
      pem: createCertificatePem({
        privateKey: certificateKey,
        serial,
        commonName,
        // A day back, so that a peer whose clock lags still finds it valid.
        notBefore: new Date(nowMs - 24 * 60 * 60 * 1000),
        notAfter: new Date(nowMs + CERTIFICATE_LIFETIME_MS),
      }),
      privateKeyPem: certificatePrivateKeyPem,
    },
    publicKey: {
      id: publicKeyIdOf(publicKey),
      pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      privateKeyPem: publicKeyPrivateKeyPem,
    },
  };
}

/** Parses a stored record (throws on a damaged one). */
export function loadPlatformKeys(record: PlatformKeyRecord): PlatformKeys {
  const certificate = new X509Certificate(record.certificate.pem);
  return {
    record,
    certificate: {
      serial: record.certificate.serial,
      pem: record.certificate.pem,
      privateKey: parsePrivateKey(record.certificate.privateKeyPem, 'certificate'),
      notBefore: Date.parse(certificate.validFrom),
      notAfter: Date.parse(certificate.validTo),
    },
    publicKey: {
      serial: record.publicKey.id,
      pem: record.publicKey.pem,
      privateKey: parsePrivateKey(record.publicKey.privateKeyPem, 'public key'),
    },
  };
}

/** Two fresh RSA 2048 private keys (PKCS#8 PEM): a few hundred ms. */
export async function generatePlatformPrivateKeys(): Promise<[string, string]> {
  return Promise.all([generateRsaPrivateKeyPem(), generateRsaPrivateKeyPem()]);
}

/** 40 uppercase hex characters from the key, the first byte under 0x80 (a positive serial). */
function certificateSerialOf(publicKey: KeyObject): string {
  const digest = spkiDigest(publicKey);
  digest[0] = ((digest[0] ?? 0) & 0x3f) | 0x10;
  return digest.toString('hex').toUpperCase();
}

/** `PUB_KEY_ID_` and 28 digits from the key. */
function publicKeyIdOf(publicKey: KeyObject): string {
  const digits = BigInt(`0x${spkiDigest(publicKey).toString('hex')}`) % 10n ** 26n;
  return `PUB_KEY_ID_01${digits.toString().padStart(26, '0')}`;
}

function spkiDigest(publicKey: KeyObject): Buffer {
  return createHash('sha1')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest();
}

function parsePrivateKey(pem: string, which: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new TypeError(`The platform ${which} private key is not a private key PEM.`);
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new TypeError(`The platform ${which} private key is not an RSA key.`);
  }
  return key;
}

function generateRsaPrivateKeyPem(): Promise<string> {
  return new Promise((resolve, reject) => {
    generateKeyPair(
      'rsa',
      {
        modulusLength: 2048,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      },
      (error, _publicKey, privateKey) => (error ? reject(error) : resolve(privateKey)),
    );
  });
}
