import type { KeyObject } from 'node:crypto';
import type { Pem } from './keys';
import type { PaymentNotification } from './notification-body';
import type { HeadersInput } from './notification-headers';

/** The only signature type of WeChat Pay v3 notifications. */
export const SIGNATURE_TYPE = 'WECHATPAY2-SHA256-RSA2048';

/** Why {@link verifyNotification} refused a request. 401: authenticity; 400: content. */
export type NotificationRefusalCode =
  | 'invalid_request'
  | 'malformed_body'
  | 'missing_header'
  | 'duplicate_header'
  | 'malformed_header'
  | 'unsupported_signature_type'
  | 'unknown_serial'
  | 'invalid_platform_key'
  | 'invalid_options'
  | 'stale_timestamp'
  | 'bad_signature'
  | 'signature_probe'
  | 'undecryptable_resource'
  | 'malformed_resource';

/** A notification request: its headers and its raw body, exactly as received. */
export interface NotificationRequest {
  /** `req.headers` of `node:http`, a fetch `Headers`, or a plain object; names in any case. */
  readonly headers: HeadersInput;
  /** The raw body: the exact bytes (a `Buffer` is a `Uint8Array`), or their UTF-8 text. */
  readonly body: string | Uint8Array;
}

/** Options of {@link verifyNotification}. */
export interface VerifyNotificationOptions {
  /**
   * Platform public keys by `Wechatpay-Serial`: a platform certificate's serial, or a WeChat
   * Pay public key id (`PUB_KEY_ID_…`). Each is a PEM (SPKI public key or X.509 certificate),
   * as a string or as the Buffer of the `.pem` file, or a `KeyObject`. Keep both kinds during
   * the migration to the public key.
   */
  readonly platformKeys: Readonly<Record<string, Pem | KeyObject>>;
  /** Your APIv3 key (APIv3 密钥): 32 characters. */
  readonly apiV3Key: string;
  /** Largest accepted distance between `Wechatpay-Timestamp` and now, in seconds. @default 300 */
  readonly maxSkewSeconds?: number;
  /** The clock, in milliseconds like `Date.now`. @default Date.now */
  readonly now?: () => number;
}

/**
 * What {@link verifyNotification} answers; `Resource` is what you expect the decrypted resource
 * to be (`Transaction`, `Refund`, `TransferBill`), as your handler's event types say: the
 * resource is the JSON WeChat Pay signed and encrypted, not checked against the type.
 */
export type VerifyNotificationResult<Resource = unknown> =
  | {
      readonly ok: true;
      /** The notification body (id, create_time, event_type, resource_type, summary, resource). */
      readonly notification: PaymentNotification;
      /** The decrypted resource, parsed from JSON (a Transaction for `TRANSACTION.SUCCESS`). */
      readonly resource: Resource;
    }
  | {
      readonly ok: false;
      /**
       * The HTTP status to answer: 401 for a signature, serial or clock refusal (a signature
       * probe, `signature_probe`, included), else 400.
       */
      readonly status: 400 | 401;
      readonly code: NotificationRefusalCode;
      /** A sentence that says what was wrong. */
      readonly message: string;
    };

/** A refusal of {@link verifyNotification}. */
export type Refusal = Extract<VerifyNotificationResult, { ok: false }>;

/** A refusal with its status, code and message. */
export function refuse(status: 400 | 401, code: NotificationRefusalCode, message: string): Refusal {
  return { ok: false, status, code, message };
}
