import { describeThrown, describeValue, isRecord } from '../shared/values';
import type { EncryptedResource } from './resource-cipher';

/** The body of a WeChat Pay v3 notification. */
export interface PaymentNotification {
  /** The notification's id: the same for every retry of one notification. */
  readonly id: string;
  /** e.g. `TRANSACTION.SUCCESS`, `REFUND.SUCCESS`. */
  readonly event_type: string;
  /** RFC 3339, e.g. `2015-05-20T13:29:35+08:00`. */
  readonly create_time?: string;
  /** `encrypt-resource`. */
  readonly resource_type?: string;
  /** e.g. `支付成功`. */
  readonly summary?: string;
  readonly resource: EncryptedResource;
  readonly [field: string]: unknown;
}

const OPTIONAL_TEXT = ['create_time', 'resource_type', 'summary'] as const;

/** The body parsed as a notification, or a sentence saying what is wrong with it. */
export function parseNotification(bytes: Buffer): PaymentNotification | string {
  let body: unknown;
  try {
    body = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return `the body is not JSON (${describeThrown(error)}).`;
  }
  if (!isRecord(body)) return `the body must be a JSON object; got ${describeValue(body)}.`;
  for (const name of ['id', 'event_type'] as const) {
    if (typeof body[name] !== 'string')
      return `the body's ${name} must be a string; got ${describeValue(body[name])}.`;
  }
  for (const name of OPTIONAL_TEXT) {
    if (body[name] !== undefined && typeof body[name] !== 'string') {
      return `the body's ${name} must be a string; got ${describeValue(body[name])}.`;
    }
  }
  const { resource } = body;
  if (!isRecord(resource))
    return `the body's resource must be an object; got ${describeValue(resource)}.`;
  if (resource.algorithm !== 'AEAD_AES_256_GCM') {
    return `resource.algorithm must be "AEAD_AES_256_GCM"; got ${describeValue(resource.algorithm)}.`;
  }
  for (const name of ['ciphertext', 'nonce'] as const) {
    if (typeof resource[name] !== 'string')
      return `resource.${name} must be a string; got ${describeValue(resource[name])}.`;
  }
  const associated = resource.associated_data;
  if (associated !== undefined && associated !== null && typeof associated !== 'string') {
    return `resource.associated_data must be a string; got ${describeValue(associated)}.`;
  }
  return body as PaymentNotification;
}
