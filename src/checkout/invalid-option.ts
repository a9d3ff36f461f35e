import { describeValue } from '../shared/values';

/** The tag every message the library throws starts with. */
export const TAG = '[miniprogram-pay]';

/**
 * Throws the TypeError of a bad option, e.g. `[miniprogram-pay] createCheckout: backend must
 * be an object with createOrder and queryOrder functions, got undefined.`
 */
export function invalidOption(api: string, name: string, expected: string, value: unknown): never {
  throw new TypeError(`${TAG} ${api}: ${name} must be ${expected}, got ${describeValue(value)}.`);
}
