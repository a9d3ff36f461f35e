import { type KeyObject, sign } from 'node:crypto';
import { unixSeconds } from '../shared/time';
import { invalidArgument } from './invalid-argument';
import { type Pem, toPrivateKey } from './keys';
import { SIGNATURE_TYPE } from './notification-types';
import { randomNonce } from './random';
import { optionsOf, requireToken } from './sign-fields';

/** The headers of a signed notification, as WeChat Pay sends them. */
export type NotificationHeaders = {
  readonly 'Wechatpay-Timestamp': string;
  readonly 'Wechatpay-Nonce': string;
  readonly 'Wechatpay-Signature': string;
  readonly 'Wechatpay-Serial': string;
  readonly 'Wechatpay-Signature-Type': typeof SIGNATURE_TYPE;
};

/** Options of {@link signNotification}. */
export interface SignNotificationOptions {
  /** The exact body that will be sent. */
  readonly body: string | Uint8Array;
  /**
   * The platform's private key (of a test platform: WeChat Pay's own never leaves WeChat): a
   * PEM string, the Buffer of the `.pem` file, or a `KeyObject`.
   */
  readonly privateKey: Pem | KeyObject;
  /** `Wechatpay-Serial`: a certificate serial or a public key id (`PUB_KEY_ID_…`). */
  readonly serial: string;
  /** Unix time in seconds. @default now */
  readonly timestamp?: string;
  /** @default 32 random characters of [0-9A-Za-z] */
  readonly nonce?: string;
}

/**
 * Signs a notification body as WeChat Pay does (SHA256withRSA over `timestamp\nnonce\nbody\n`),
 * for tests and mock platforms: send `body` with these headers to your notify URL. Sign each
 * retry afresh, as WeChat Pay does. Throws a TypeError naming a bad argument.
 */
export function signNotification(options: SignNotificationOptions): NotificationHeaders {
  const api = 'signNotification';
  const input = optionsOf(api, options, '{ body, privateKey, serial }');
  const { body, timestamp = String(unixSeconds()), nonce = randomNonce() } = input;
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) {
    invalidArgument(api, 'body', 'the exact body, a string or a Uint8Array', body);
  }
  const serial = requireToken(api, 'serial', input.serial, 'the platform serial or public key id');
  if (typeof timestamp !== 'string' || !/^[0-9]{1,12}$/.test(timestamp)) {
    invalidArgument(api, 'timestamp', 'Unix time in seconds, a string of digits', timestamp);
  }
  requireToken(api, 'nonce', nonce, 'a random string');
  const key = toPrivateKey(input.privateKey, api, 'privateKey', "the platform's private key");
  const message = Buffer.concat([
    Buffer.from(`${timestamp}\n${nonce}\n`),
    Buffer.from(body),
    Buffer.from('\n'),
  ]);
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce as string,
    'Wechatpay-Signature': sign('sha256', message, key).toString('base64'),
    'Wechatpay-Serial': serial,
    'Wechatpay-Signature-Type': SIGNATURE_TYPE,
  };
}
