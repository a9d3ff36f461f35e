/** The tag every message of the server kit starts with. */
export const TAG = '[miniprogram-pay/server]';

const MAX_SHOWN = 60;

/**
 * A short description of any value for a message: its type and, unless `secret`, the value
 * itself (strings quoted and cut at 60 characters). Never throws, whatever it is given.
 */
export function describeValue(value: unknown, secret = false): string {
  try {
    if (value === null || value === undefined) return String(value);
    if (typeof value === 'string') {
      if (secret) return `a string of ${value.length} characters`;
      const shown = JSON.stringify(value.length > MAX_SHOWN ? value.slice(0, MAX_SHOWN) : value);
      return value.length > MAX_SHOWN
        ? `the string ${shown}… (${value.length} characters)`
        : `the string ${shown}`;
    }
    if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
      return secret ? `a ${typeof value}` : `the ${typeof value} ${String(value)}`;
    }
    if (typeof value === 'function') return 'a function';
    if (typeof value === 'symbol') return 'a symbol';
    if (Array.isArray(value)) return `an array of ${value.length} items`;
    if (value instanceof Uint8Array) return `a ${value.constructor.name} of ${value.length} bytes`;
    const name = Object.getPrototypeOf(value)?.constructor?.name;
    return typeof name === 'string' && name !== 'Object' ? `a ${name}` : 'an object';
  } catch {
    return 'a value that cannot be read';
  }
}

/** The message of anything thrown, for a sentence. Never throws. */
export function describeError(error: unknown): string {
  try {
    if (error instanceof Error) return error.message;
    return describeValue(error);
  } catch {
    return 'an error that cannot be read';
  }
}

/**
 * Throws the TypeError of a bad argument, e.g. `[miniprogram-pay/server] signPayment: appId
 * must be your AppID, a non-empty string; got undefined.`
 */
export function invalidArgument(
  api: string,
  name: string,
  expected: string,
  received: unknown,
  secret = false,
): never {
  throw new TypeError(
    `${TAG} ${api}: ${name} must be ${expected}; got ${describeValue(received, secret)}.`,
  );
}

/** Whether `value` is an object whose fields can be read (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
