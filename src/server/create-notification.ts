import { type KeyObject, randomUUID } from 'node:crypto';
import { unixSeconds } from '../shared/time';
import { isRecord } from '../shared/values';
import { invalidArgument } from './invalid-argument';
import { type Pem, toPrivateKey } from './keys';
import type { PaymentNotification } from './notification-body';
import { encryptResource, requireApiV3Key } from './resource-cipher';
import { optionsOf, requireToken } from './sign-fields';
import { type NotificationHeaders, signNotification } from './sign-notification';

/** Options of {@link createNotification}. */
export interface CreateNotificationOptions {
  /** The event, e.g. `TRANSACTION.SUCCESS` or `REFUND.SUCCESS`. Required. */
  readonly eventType: string;
  /** The plaintext resource (a Transaction, a refund): an object or a JSON string. Required. */
  readonly resource: string | object;
  /** The APIv3 key (32 characters) the resource is encrypted with. Required. */
  readonly apiV3Key: string;
  /**
   * The platform's private key, which signs the notification: a PEM string, the Buffer of the
   * `.pem` file, or a `KeyObject` (of a test platform: WeChat Pay's own never leaves WeChat).
   * Required.
   */
  readonly privateKey: Pem | KeyObject;
  /** `Wechatpay-Serial`: the serial or public key id (`PUB_KEY_ID_…`) of that key. Required. */
  readonly serial: string;
  /** `associated_data` and `original_type` of the resource. @default 'transaction' */
  readonly resourceKind?: string;
  /**
   * The body's `summary`.
   * @default '支付成功' for TRANSACTION.SUCCESS, '退款成功' for REFUND.SUCCESS, else the event type
   */
  readonly summary?: string;
  /** The body's `id` (a retry of a notification keeps it). @default a random UUID */
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
 * Throws a TypeError naming a bad argument; a key of the wrong kind is named as what it is
 * (a public key where the platform's private key is needed, a PEM where the APIv3 key is).
 *
 * @example
 * const { headers, body } = createNotification({ eventType: 'TRANSACTION.SUCCESS', resource: transaction,
 *   apiV3Key, privateKey: readFileSync('platform_key.pem'), serial: 'PUB_KEY_ID_0114232' })
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
  const { resource } = input;
  if (typeof resource !== 'string' && !isRecord(resource)) {
    invalidArgument(
      api,
      'resource',
      'the plaintext resource, an object or a JSON string',
      resource,
    );
  }
  requireApiV3Key(api, input.apiV3Key);
  const privateKey = toPrivateKey(
    input.privateKey,
    api,
    'privateKey',
    "the platform's private key",
  );
  const serial = requireToken(
    api,
    'serial',
    input.serial,
    'the serial or public key id of that key',
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
      plaintext: resource,
      associatedData: resourceKind,
    }),
  };
  const body = JSON.stringify(notification);
  const headers = signNotification({
    body,
    privateKey,
    serial,
    timestamp: String(unixSeconds(ms)),
  });
  return { headers: { 'Content-Type': 'application/json', ...headers }, body, notification };
}
