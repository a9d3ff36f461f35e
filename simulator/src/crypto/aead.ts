import { createCipheriv } from 'node:crypto';
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
