import { describeValue } from './values';

/**
 * The TypeError of a bad option or argument, its message starting with the tag of its entry:
 * `[miniprogram-pay] createCheckout: backend must be an object with createOrder and
 * queryOrder functions, got undefined.`
 */
export function optionError(
  tag: string,
  api: string,
  name: string,
  expected: string,
  value: unknown,
): TypeError {
  return new TypeError(`${tag} ${api}: ${name} must be ${expected}, got ${describeValue(value)}.`);
}
