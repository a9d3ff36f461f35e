import type { IncomingHttpHeaders } from 'node:http';
import { isNonEmptyString, isRecord, parseJson } from '../../domain/json-guards';
import type { LoadedKeys } from '../../keys/load-keys';
import { decryptAeadAes256Gcm } from '../../signing/aead-aes-256-gcm';
import {
  verifyNotificationSignature,
  WECHATPAY_SIGNATURE_TYPE,
} from '../../signing/notification-signature';
import { isWithinClockWindow } from './clock-window';
import { type Refusal, refuse } from './refusal';

/** A notification that verified and decrypted. */
export interface VerifiedPayNotification {
  readonly ok: true;
  readonly id: string;
  readonly eventType: string;
  /** The decrypted resource, parsed (checked by the event's handler). */
  readonly resource: unknown;
}

/**
 * Checks a WeChat Pay v3 notification from its headers and exact body bytes: the one function
 * the merchant trusts a notification through.
 */
export type PayNotificationVerifier = (
  headers: IncomingHttpHeaders,
  rawBody: Buffer,
) => VerifiedPayNotification | Refusal;

/**
 * `Wechatpay-Serial` names a key the merchant holds (the platform certificate's serial or the
 * WeChat Pay public key id: during the migration both arrive), `Wechatpay-Signature-Type` (when
 * sent) is WECHATPAY2-SHA256-RSA2048, the timestamp at most 5 minutes from now, SHA256withRSA
 * over `timestamp\nnonce\nbody\n` verifies with that key; then AEAD_AES_256_GCM with the APIv3
 * key.
 */
export function createPayNotificationVerifier(
  keys: LoadedKeys,
  now: () => number,
): PayNotificationVerifier {
  const publicKeys = new Map([
    [keys.platformSerial, keys.platformPublicKey],
    [keys.wechatpayPublicKeyId, keys.wechatpayPublicKey],
  ]);
  return (headers, rawBody) => {
    const timestampText = header(headers, 'wechatpay-timestamp');
    const serial = header(headers, 'wechatpay-serial');
    const publicKey = publicKeys.get(serial);
    if (!publicKey) {
      return refuse(
        401,
        `unknown Wechatpay-Serial ${serial}: neither the platform certificate nor the WeChat Pay public key`,
      );
    }
    const signatureType = headers['wechatpay-signature-type'];
    if (signatureType !== undefined && signatureType !== WECHATPAY_SIGNATURE_TYPE) {
      return refuse(
        401,
        `Wechatpay-Signature-Type ${String(signatureType)} is not ${WECHATPAY_SIGNATURE_TYPE}`,
      );
    }
    const timestamp = /^[0-9]{1,12}$/.test(timestampText) ? Number(timestampText) : Number.NaN;
    if (!isWithinClockWindow(timestamp, now())) {
      return refuse(401, 'Wechatpay-Timestamp is more than 5 minutes away from now');
    }
    const signatureValid = verifyNotificationSignature(
      {
        timestamp: timestampText,
        nonce: header(headers, 'wechatpay-nonce'),
        body: rawBody,
        signature: header(headers, 'wechatpay-signature'),
      },
      publicKey,
    );
    if (!signatureValid) return refuse(401, 'Wechatpay-Signature does not verify');
    return decrypt(rawBody, keys.material.apiV3Key);
  };
}

function decrypt(rawBody: Buffer, apiV3Key: string): VerifiedPayNotification | Refusal {
  const body = parseJson(rawBody.toString('utf8'));
  if (!isRecord(body) || !isNonEmptyString(body.id) || !isNonEmptyString(body.event_type)) {
    return refuse(400, 'body is not a notification');
  }
  const resource = body.resource;
  if (
    !isRecord(resource) ||
    resource.algorithm !== 'AEAD_AES_256_GCM' ||
    !isNonEmptyString(resource.ciphertext) ||
    !isNonEmptyString(resource.nonce) ||
    typeof resource.associated_data !== 'string'
  ) {
    return refuse(400, 'resource is not an AEAD_AES_256_GCM resource');
  }
  let plaintext: string;
  try {
    plaintext = decryptAeadAes256Gcm(apiV3Key, {
      ciphertext: resource.ciphertext,
      nonce: resource.nonce,
      associatedData: resource.associated_data,
    });
  } catch {
    return refuse(400, 'resource does not decrypt');
  }
  return { ok: true, id: body.id, eventType: body.event_type, resource: parseJson(plaintext) };
}

/** One header as a string ('' when absent; the first when repeated). */
function header(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}
