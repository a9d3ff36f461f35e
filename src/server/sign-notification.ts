import { type KeyObject, randomUUID, sign } from 'node:crypto';
import { unixSeconds } from '../shared/time';
import { invalidArgument } from './invalid-argument';
import { toPrivateKey } from './keys';
import type { PaymentNotification } from './notification-body';
import { SIGNATURE_TYPE } from './notification-types';
import { randomNonce } from './random';
import { encryptResource } from './resource-cipher';
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
  /** The platform's private key (of a test platform: WeChat Pay's own never leaves WeChat). */
  readonly privateKey: string | KeyObject;
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
  const key = toPrivateKey(input.privateKey, api, 'privateKey');
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

/** Options of {@link createNotification}. */
export interface CreateNotificationOptions {
  /** The event, e.g. `TRANSACTION.SUCCESS` or `REFUND.SUCCESS`. */
  readonly eventType: string;
  /** The plaintext resource (a Transaction, a refund): an object or a JSON string. */
  readonly resource: string | object;
  /** The APIv3 key the resource is encrypted with. */
  readonly apiV3Key: string;
  /** The platform's private key, as for {@link signNotification}. */
  readonly privateKey: string | KeyObject;
  /** `Wechatpay-Serial`. */
  readonly serial: string;
  /** `associated_data` and `original_type` of the resource. @default 'transaction' */
  readonly resourceKind?: string;
  /** @default '支付成功' for TRANSACTION.SUCCESS, '退款成功' for REFUND.SUCCESS, else the event type */
  readonly summary?: string;
  /** @default a random UUID */
  readonly id?: string;
  /** The clock, in milliseconds; gives `create_time` and the timestamp. @default Date.now */
  readonly now?: () => number;
}

const SUMMARIES: Readonly<Record<string, string>> = {
  'TRANSACTION.SUCCESS': '支付成功',
  'REFUND.SUCCESS': '退款成功',
};

/** RFC 3339 in Beijing time (+08:00), as WeChat Pay writes `create_time`. */
function beijingTime(ms: number): string {
  return `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

/**
 * A complete notification as WeChat Pay sends it, for tests and mock platforms: the body
 * (`JSON.stringify` of {@link PaymentNotification}, resource encrypted) and its signed headers.
 * Throws a TypeError naming a bad argument.
 *
 * @example
 * const { headers, body } = createNotification({ eventType: 'TRANSACTION.SUCCESS', resource: transaction,
 *   apiV3Key, privateKey: platformKeyPem, serial: 'PUB_KEY_ID_0114232' })
 * await fetch(notifyUrl, { method: 'POST', headers, body })
 */
export function createNotification(options: CreateNotificationOptions): {
  headers: NotificationHeaders & { readonly 'Content-Type': 'application/json' };
  body: string;
  notification: PaymentNotification;
} {
  const api = 'createNotification';
  const input = optionsOf(api, options, '{ eventType, resource, apiV3Key, privateKey, serial }');
  const eventType = requireToken(
    api,
    'eventType',
    input.eventType,
    'the event, e.g. "TRANSACTION.SUCCESS"',
  );
  const { resourceKind = 'transaction', id = randomUUID(), now = Date.now } = input;
  if (typeof now !== 'function')
    invalidArgument(api, 'now', 'a function that returns milliseconds', now);
  const { summary = SUMMARIES[eventType] ?? eventType } = input;
  requireToken(api, 'id', id, 'the notification id');
  if (typeof summary !== 'string') invalidArgument(api, 'summary', 'a string', summary);
  if (typeof resourceKind !== 'string')
    invalidArgument(api, 'resourceKind', 'a string', resourceKind);
  const ms: unknown = now();
  if (typeof ms !== 'number' || !Number.isFinite(ms))
    invalidArgument(api, 'now()', 'a number of milliseconds', ms);
  const notification: PaymentNotification = {
    id: id as string,
    create_time: beijingTime(ms),
    resource_type: 'encrypt-resource',
    event_type: eventType,
    summary,
    resource: encryptResource({
      apiV3Key: input.apiV3Key as string,
      plaintext: input.resource as string | object,
      associatedData: resourceKind,
    }),
  };
  const body = JSON.stringify(notification);
  const headers = signNotification({
    body,
    privateKey: input.privateKey as string | KeyObject,
    serial: input.serial as string,
    timestamp: String(unixSeconds(ms)),
  });
  return { headers: { 'Content-Type': 'application/json', ...headers }, body, notification };
}
