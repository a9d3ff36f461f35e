import { createPublicKey, type KeyObject, sign } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  Certificate,
  Name,
  RelativeDistinguishedName,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
  Version,
} from '@peculiar/asn1-x509';

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const COUNTRY = '2.5.4.6';
const ORGANIZATION = '2.5.4.10';
const COMMON_NAME = '2.5.4.3';

/** What a platform certificate says. */
export interface CertificateInput {
  readonly privateKey: KeyObject;
  /** Hex, as WeChat Pay's serials (40 characters); its first byte must be under 0x80. */
  readonly serial: string;
  readonly commonName: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/**
 * A self-signed X.509 v3 certificate (SHA256withRSA) for the key, as a PEM: the simulator's
 * stand-in for a WeChat Pay platform certificate, which SDKs parse for its serial and key.
 */
export function createCertificatePem(input: CertificateInput): string {
  const algorithm = new AlgorithmIdentifier({ algorithm: SHA256_WITH_RSA, parameters: null });
  const name = new Name(
    [
      [COUNTRY, 'CN'],
      [ORGANIZATION, 'wechatpay-simulator'],
      [COMMON_NAME, input.commonName],
    ].map(
      ([type, value]) =>
        new RelativeDistinguishedName([
          new AttributeTypeAndValue({ type, value: new AttributeValue({ utf8String: value }) }),
        ]),
    ),
  );
  const spki = createPublicKey(input.privateKey).export({ type: 'spki', format: 'der' });
  const tbsCertificate = new TBSCertificate({
    version: Version.v3,
    serialNumber: arrayBufferOf(Buffer.from(input.serial, 'hex')),
    signature: algorithm,
    issuer: name,
    validity: new Validity({ notBefore: input.notBefore, notAfter: input.notAfter }),
    subject: name,
    subjectPublicKeyInfo: AsnConvert.parse(arrayBufferOf(spki), SubjectPublicKeyInfo),
  });
  const signatureValue = sign(
    'sha256',
    Buffer.from(AsnConvert.serialize(tbsCertificate)),
    input.privateKey,
  );
  const der = Buffer.from(
    AsnConvert.serialize(
      new Certificate({
        tbsCertificate,
        signatureAlgorithm: algorithm,
        signatureValue: arrayBufferOf(signatureValue),
      }),
    ),
  );
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

function arrayBufferOf(bytes: Buffer): ArrayBuffer {
  return new Uint8Array(bytes).buffer;
}
