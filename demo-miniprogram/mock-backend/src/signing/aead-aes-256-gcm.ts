import { createCipheriv, createDecipheriv } from 'node:crypto';

const TAG_LENGTH = 16;

/** An encrypted notification resource, as WeChat Pay v3 sends it. */
export interface AeadResource {
  /** Base64 of ciphertext with the 16-byte GCM tag appended. */
  readonly ciphertext: string;
  /** 12 characters, used as the 12-byte IV. */
  readonly nonce: string;
  readonly associatedData: string;
}

function keyBytes(apiV3Key: string): Buffer {
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== 32) throw new RangeError('the APIv3 key must be 32 bytes');
  return key;
}

/** AEAD_AES_256_GCM encryption with the APIv3 key. */
export function encryptAeadAes256Gcm(
  apiV3Key: string,
  plaintext: string,
  nonce: string,
  associatedData: string,
): AeadResource {
  const cipher = createCipheriv('aes-256-gcm', keyBytes(apiV3Key), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const ciphertext = Buffer.concat([encrypted, cipher.getAuthTag()]).toString('base64');
  return { ciphertext, nonce, associatedData };
}

/** AEAD_AES_256_GCM decryption; throws when the tag, key, nonce or associated data do not match. */
export function decryptAeadAes256Gcm(apiV3Key: string, resource: AeadResource): string {
  const iv = Buffer.from(resource.nonce, 'utf8');
  if (iv.length !== 12) throw new RangeError('the nonce must be 12 bytes');
  const sealed = Buffer.from(resource.ciphertext, 'base64');
  if (sealed.length < TAG_LENGTH) throw new RangeError('the ciphertext is shorter than its tag');
  const decipher = createDecipheriv('aes-256-gcm', keyBytes(apiV3Key), iv);
  decipher.setAAD(Buffer.from(resource.associatedData, 'utf8'));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_LENGTH));
  const body = sealed.subarray(0, sealed.length - TAG_LENGTH);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
