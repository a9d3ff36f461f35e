import { createCipheriv, createDecipheriv } from 'node:crypto';
import { isRecord } from '../shared/values';
import { argumentError, describeSecret, invalidArgument, TAG } from './invalid-argument';
import { randomNonce } from './random';
import { optionsOf } from './sign-fields';

const TAG_BYTES = 16;
const NONCE_BYTES = 12;
const KEY_BYTES = 32;

/** An encrypted resource of a WeChat Pay v3 notification (or of `/v3/certificates`). */
export interface EncryptedResource {
  readonly algorithm: 'AEAD_AES_256_GCM';
  /** Base64 of the ciphertext with the 16-byte GCM tag appended. */
  readonly ciphertext: string;
  /** 12 characters, the IV. */
  readonly nonce: string;
  /** The additional authenticated data, e.g. `transaction`; may be empty. */
  readonly associated_data?: string;
  /** What the plaintext is, e.g. `transaction` or `refund`. */
  readonly original_type?: string;
}

/** The APIv3 key as the 32 bytes AES-256 takes, or what it is instead (the key never shown). */
export function apiV3KeyBytes(apiV3Key: unknown): Buffer | string {
  if (typeof apiV3Key !== 'string') return describeSecret(apiV3Key);
  if (apiV3Key.includes('-----BEGIN')) return 'a PEM key, where the APIv3 key is needed';
  const bytes = Buffer.from(apiV3Key, 'utf8');
  return bytes.length === KEY_BYTES ? bytes : `a string of ${bytes.length} bytes`;
}

/** The APIv3 key of `api`'s options as bytes; throws the TypeError saying what it is instead. */
export function requireApiV3Key(api: string, apiV3Key: unknown): Buffer {
  const key = apiV3KeyBytes(apiV3Key);
  if (typeof key === 'string') throw argumentError(api, 'apiV3Key', API_V3_KEY, key);
  return key;
}

/** What the APIv3 key must be. */
export const API_V3_KEY = 'your APIv3 key (APIv3 密钥), a string of 32 bytes';

/** Options of {@link encryptResource}. */
export interface EncryptResourceOptions {
  /** Your APIv3 key (APIv3 密钥): 32 characters. */
  readonly apiV3Key: string;
  /** The resource: an object (serialised with `JSON.stringify`) or a string. */
  readonly plaintext: string | object;
  /** The additional authenticated data. @default 'transaction' */
  readonly associatedData?: string;
  /** `original_type` of the resource. @default the associated data */
  readonly originalType?: string;
  /** The 12-character IV. @default 12 random characters of [0-9A-Za-z] */
  readonly nonce?: string;
}

/**
 * Encrypts a notification resource as WeChat Pay does: AEAD_AES_256_GCM with the APIv3 key.
 * For tests and mock platforms that send notifications; see {@link createNotification}.
 * Throws a TypeError naming a bad argument.
 */
export function encryptResource(options: EncryptResourceOptions): EncryptedResource {
  const api = 'encryptResource';
  const input = optionsOf(api, options, '{ apiV3Key, plaintext }');
  const key = requireApiV3Key(api, input.apiV3Key);
  const { plaintext, associatedData = 'transaction', nonce = randomNonce(NONCE_BYTES) } = input;
  if (typeof plaintext !== 'string' && !isRecord(plaintext)) {
    invalidArgument(api, 'plaintext', 'a string or an object', plaintext);
  }
  if (typeof associatedData !== 'string')
    invalidArgument(api, 'associatedData', 'a string', associatedData);
  if (typeof nonce !== 'string' || Buffer.byteLength(nonce) !== NONCE_BYTES) {
    invalidArgument(api, 'nonce', 'a string of 12 bytes', nonce);
  }
  const { originalType = associatedData } = input;
  if (typeof originalType !== 'string')
    invalidArgument(api, 'originalType', 'a string', originalType);
  const text = typeof plaintext === 'string' ? plaintext : JSON.stringify(plaintext);
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    original_type: originalType,
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: sealed.toString('base64'),
    associated_data: associatedData,
    nonce,
  };
}

/** What decrypting needs of a resource, its fields checked to be strings. */
export interface SealedResource {
  readonly ciphertext: string;
  readonly nonce: string;
  readonly associatedData: string;
}

/** The plaintext of a resource, or why it does not decrypt (to follow "does not decrypt: "). Never throws. */
export function openResource(
  key: Buffer,
  { ciphertext, nonce, associatedData }: SealedResource,
): { readonly plaintext: string } | { readonly problem: string } {
  const iv = Buffer.from(nonce, 'utf8');
  const sealed = Buffer.from(ciphertext, 'base64');
  if (iv.length !== NONCE_BYTES) return { problem: `its nonce is ${iv.length} bytes, not 12` };
  if (sealed.length < TAG_BYTES)
    return { problem: 'its ciphertext is shorter than the 16-byte tag' };
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const body = sealed.subarray(0, sealed.length - TAG_BYTES);
    return { plaintext: Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8') };
  } catch {
    return {
      problem:
        'the APIv3 key is wrong, or the ciphertext, nonce or associated data were tampered with',
    };
  }
}

/**
 * Decrypts an AEAD_AES_256_GCM resource with the APIv3 key, e.g. the `encrypt_certificate` of
 * `GET /v3/certificates` ({@link verifyNotification} does it for notifications). Returns the
 * plaintext; throws a TypeError for a bad argument and an Error when the resource does not
 * decrypt (wrong key, or a tampered ciphertext, nonce or associated data), each message
 * starting with `[miniprogram-pay/server] decryptResource:`.
 */
export function decryptResource(options: {
  /** Your APIv3 key: 32 characters. */
  readonly apiV3Key: string;
  readonly resource: Pick<EncryptedResource, 'ciphertext' | 'nonce' | 'associated_data'>;
}): string {
  const api = 'decryptResource';
  const input = optionsOf(api, options, '{ apiV3Key, resource }');
  const key = requireApiV3Key(api, input.apiV3Key);
  const { resource } = input;
  if (!isRecord(resource))
    invalidArgument(api, 'resource', '{ ciphertext, nonce, associated_data }', resource);
  const { ciphertext, nonce, associated_data: associatedData = '' } = resource;
  if (typeof ciphertext !== 'string' || Buffer.from(ciphertext, 'base64').length < TAG_BYTES) {
    const expected = 'Base64 of the ciphertext and its 16-byte tag';
    invalidArgument(api, 'resource.ciphertext', expected, ciphertext);
  }
  if (typeof nonce !== 'string' || Buffer.byteLength(nonce) !== NONCE_BYTES)
    invalidArgument(api, 'resource.nonce', 'a string of 12 bytes', nonce);
  if (typeof associatedData !== 'string') {
    invalidArgument(api, 'resource.associated_data', 'a string', associatedData);
  }
  const opened = openResource(key, { ciphertext, nonce, associatedData });
  if ('problem' in opened)
    throw new Error(`${TAG} ${api}: the resource does not decrypt: ${opened.problem}.`);
  return opened.plaintext;
}
