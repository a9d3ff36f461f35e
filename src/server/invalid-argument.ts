import { describeValue } from '../shared/values';

/** The tag every message of the server kit starts with. */
export const TAG = '[miniprogram-pay/server]';

/**
 * A secret (a key, a password) described without showing it: its type, and a string's length.
 */
export function describeSecret(value: unknown): string {
  if (typeof value === 'string') return `a string of ${value.length} characters`;
  if (value instanceof Uint8Array) {
    return `a ${Buffer.isBuffer(value) ? 'Buffer' : 'Uint8Array'} of ${value.length} bytes`;
  }
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return `a ${typeof value}`;
  }
  return describeValue(value);
}

/**
 * Throws the TypeError of a bad argument, e.g. `[miniprogram-pay/server] signPayment: appId
 * must be your AppID, a non-empty string; got undefined.` `received` is described, unless
 * `secret` (then only its type and length are said).
 */
export function invalidArgument(
  api: string,
  name: string,
  expected: string,
  received: unknown,
  secret = false,
): never {
  throw argumentError(
    api,
    name,
    expected,
    secret ? describeSecret(received) : describeValue(received),
  );
}

/** The TypeError of a bad argument whose value is described by the caller (`got`). */
export function argumentError(api: string, name: string, expected: string, got: string): TypeError {
  return new TypeError(`${TAG} ${api}: ${name} must be ${expected}; got ${got}.`);
}
