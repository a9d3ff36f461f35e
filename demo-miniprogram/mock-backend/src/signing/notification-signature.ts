import type { KeyObject } from 'node:crypto';
import { signRsaSha256, verifyRsaSha256 } from './rsa-sha256';

/** The signature scheme every WeChat Pay v3 notification names. */
export const WECHATPAY_SIGNATURE_TYPE = 'WECHATPAY2-SHA256-RSA2048';

/** The headers a WeChat Pay v3 notification carries. */
export interface NotificationSignatureHeaders {
  readonly 'Wechatpay-Signature-Type': typeof WECHATPAY_SIGNATURE_TYPE;
  readonly 'Wechatpay-Timestamp': string;
  readonly 'Wechatpay-Nonce': string;
  readonly 'Wechatpay-Signature': string;
  readonly 'Wechatpay-Serial': string;
}

/** `timestamp\nnonce\nbody\n`, with the body's exact bytes. */
export function notificationSignatureMessage(
  timestamp: string,
  nonce: string,
  body: string | Buffer,
): Buffer {
  return Buffer.concat([
    Buffer.from(`${timestamp}\n${nonce}\n`, 'utf8'),
    typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
    Buffer.from('\n', 'utf8'),
  ]);
}

/**
 * Signs a notification body with a platform private key: the certificate's (serial: the
 * certificate serial) or the WeChat Pay public key's (serial: `PUB_KEY_ID_…`).
 */
export function signNotification(
  input: { timestamp: string; nonce: string; body: string | Buffer; serial: string },
  platformPrivateKey: KeyObject,
): NotificationSignatureHeaders {
  const message = notificationSignatureMessage(input.timestamp, input.nonce, input.body);
  return {
    'Wechatpay-Signature-Type': WECHATPAY_SIGNATURE_TYPE,
    'Wechatpay-Timestamp': input.timestamp,
    'Wechatpay-Nonce': input.nonce,
    'Wechatpay-Signature': signRsaSha256(message, platformPrivateKey),
    'Wechatpay-Serial': input.serial,
  };
}

/** Checks a notification's signature with the platform public key its serial names. */
export function verifyNotificationSignature(
  input: { timestamp: string; nonce: string; body: Buffer; signature: string },
  platformPublicKey: KeyObject,
): boolean {
  const message = notificationSignatureMessage(input.timestamp, input.nonce, input.body);
  return verifyRsaSha256(message, input.signature, platformPublicKey);
}
