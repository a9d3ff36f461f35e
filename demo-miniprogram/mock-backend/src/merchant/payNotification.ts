import { isNonEmptyString, isNonNegativeInteger, isRecord, parseJson } from '../guards';
import type { LoadedKeys } from '../keys';
import type { TradeState } from '../orderState';
import type { RefundResource, Transaction } from '../platform/transaction';
import { decryptAeadAes256Gcm } from '../signing/aeadAes256Gcm';
import { verifyNotificationSignature } from '../signing/notifySignature';

/** A notification whose timestamp is this far from now (or further) is refused. */
export const MAX_NOTIFICATION_SKEW_SECONDS = 300;

/** The headers of a v3 notification, as node lowercases them. */
export interface PayNotificationHeaders {
  readonly 'wechatpay-timestamp': string;
  readonly 'wechatpay-nonce': string;
  readonly 'wechatpay-signature': string;
  readonly 'wechatpay-serial': string;
}

export type OpenedPayNotification =
  | {
      readonly ok: true;
      readonly id: string;
      readonly eventType: string;
      /** The decrypted resource, parsed. */
      readonly resource: unknown;
    }
  | { readonly ok: false; readonly status: number; readonly message: string };

const TRADE_STATES: readonly string[] = [
  'SUCCESS',
  'REFUND',
  'NOTPAY',
  'CLOSED',
  'REVOKED',
  'USERPAYING',
  'PAYERROR',
];

/**
 * Verifies and decrypts a WeChat Pay v3 notification: serial known, timestamp within 5 minutes,
 * SHA256withRSA over `timestamp\nnonce\nbody\n` with that platform key, then AEAD_AES_256_GCM
 * with the APIv3 key.
 */
export function openPayNotification(
  rawBody: Buffer,
  headers: PayNotificationHeaders,
  keys: LoadedKeys,
  nowMs: number,
): OpenedPayNotification {
  if (headers['wechatpay-serial'] !== keys.platformSerial) {
    return refuse(401, 'unknown Wechatpay-Serial');
  }
  const timestamp = /^[0-9]{1,12}$/.test(headers['wechatpay-timestamp'])
    ? Number(headers['wechatpay-timestamp'])
    : Number.NaN;
  if (!(Math.abs(Math.floor(nowMs / 1000) - timestamp) < MAX_NOTIFICATION_SKEW_SECONDS)) {
    return refuse(401, 'Wechatpay-Timestamp is 5 minutes or more away from now');
  }
  const signatureValid = verifyNotificationSignature(
    {
      timestamp: headers['wechatpay-timestamp'],
      nonce: headers['wechatpay-nonce'],
      body: rawBody,
      signature: headers['wechatpay-signature'],
    },
    keys.platformPublicKey,
  );
  if (!signatureValid) return refuse(401, 'Wechatpay-Signature does not verify');
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
    plaintext = decryptAeadAes256Gcm(keys.material.apiV3Key, {
      ciphertext: resource.ciphertext,
      nonce: resource.nonce,
      associatedData: resource.associated_data,
    });
  } catch {
    return refuse(400, 'resource does not decrypt');
  }
  return { ok: true, id: body.id, eventType: body.event_type, resource: parseJson(plaintext) };
}

export function isTransaction(value: unknown): value is Transaction {
  if (!isRecord(value) || !isRecord(value.amount) || !isRecord(value.payer)) return false;
  return (
    isNonEmptyString(value.appid) &&
    isNonEmptyString(value.mchid) &&
    isNonEmptyString(value.out_trade_no) &&
    typeof value.trade_state === 'string' &&
    TRADE_STATES.includes(value.trade_state as TradeState) &&
    isNonNegativeInteger(value.amount.total) &&
    typeof value.amount.currency === 'string' &&
    typeof value.payer.openid === 'string' &&
    (value.trade_state !== 'SUCCESS' ||
      (isNonEmptyString(value.transaction_id) && isNonEmptyString(value.success_time)))
  );
}

export function isRefundResource(value: unknown): value is RefundResource {
  if (!isRecord(value) || !isRecord(value.amount)) return false;
  return (
    isNonEmptyString(value.mchid) &&
    isNonEmptyString(value.out_trade_no) &&
    isNonEmptyString(value.transaction_id) &&
    value.refund_status === 'SUCCESS' &&
    isNonNegativeInteger(value.amount.total) &&
    isNonNegativeInteger(value.amount.refund)
  );
}

function refuse(status: number, message: string): OpenedPayNotification {
  return { ok: false, status, message };
}
