import type { KeyObject } from 'node:crypto';
import { signRsaSha256, verifyRsaSha256 } from './rsa-sha256';

/** The headers a WeChat Pay v3 notification carries. */
export interface NotificationSignatureHeaders {
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

/** Signs a notification body with the platform's private key. */
export function signNotification(
  input: { timestamp: string; nonce: string; body: string | Buffer; serial: string },
  platformPrivateKey: KeyObject,
): NotificationSignatureHeaders {
  const message = notificationSignatureMessage(input.timestamp, input.nonce, input.body);
  return {
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
