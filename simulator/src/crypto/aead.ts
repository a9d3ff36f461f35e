import { createCipheriv, createDecipheriv } from 'node:crypto';
import { randomString } from '../lib/ids';

/** A resource encrypted as WeChat Pay encrypts notifications and platform certificates. */
export interface EncryptedResource {
  readonly algorithm: 'AEAD_AES_256_GCM';
  /** Base64 of the ciphertext with the 16-byte GCM tag appended. */
  readonly ciphertext: string;
  /** 12 characters of [0-9A-Za-z], the IV. */
  readonly nonce: string;
  readonly associated_data: string;
}

const TAG_BYTES = 16;

/** AEAD_AES_256_GCM with the merchant's APIv3 key (32 bytes) and a fresh 12-character nonce. */
export function encryptAead(
  apiV3Key: string,
  plaintext: string,
  associatedData: string,
): EncryptedResource {
  const nonce = randomString(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const sealed = Buffer.concat([
    cipher.update(plaintext, 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return {
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: sealed.toString('base64'),
    nonce,
    associated_data: associatedData,
  };
}

/** The plaintext of {@link encryptAead}; throws when the key, nonce or data do not match. */
export function decryptAead(apiV3Key: string, resource: EncryptedResource): string {
  const sealed = Buffer.from(resource.ciphertext, 'base64');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    Buffer.from(apiV3Key, 'utf8'),
    Buffer.from(resource.nonce, 'utf8'),
  );
  decipher.setAAD(Buffer.from(resource.associated_data, 'utf8'));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  const body = sealed.subarray(0, sealed.length - TAG_BYTES);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
