import { optionError } from '../shared/option-error';
import { isRecord } from '../shared/values';

/** The tag every message the testing kit throws starts with. */
export const TAG = '[miniprogram-pay/testing]';

/** Throws the TypeError of a bad argument of `api`. */
export function invalid(api: string, name: string, expected: string, value: unknown): never {
  throw optionError(TAG, api, name, expected, value);
}

/** The options object of `api` as fields to check; left out, none. */
export function optionsOf(api: string, options: unknown): Record<string, unknown> {
  if (options === undefined) return {};
  if (!isRecord(options)) invalid(api, 'its options', 'an object, or left out', options);
  return options;
}

/** Checks that an option left out or of `kind`; `what` says what it must be. */
export function checkKind(
  api: string,
  name: string,
  value: unknown,
  kind: 'string' | 'boolean' | 'function' | 'object',
  what = `a ${kind}`,
): void {
  const ok = kind === 'object' ? isRecord(value) : typeof value === kind;
  if (value !== undefined && !ok) invalid(api, name, `${what}, or left out`, value);
}

/** Checks that an option is left out or a number of milliseconds (or a count) from `least`. */
export function checkNumber(api: string, name: string, value: unknown, least = 0): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !(value >= least) || !Number.isFinite(value)) {
    invalid(api, name, `a number from ${least}, or left out`, value);
  }
}

/** Checks that an option is left out or one of `names`. */
export function checkOneOf(
  api: string,
  name: string,
  value: unknown,
  names: readonly unknown[],
): void {
  if (value !== undefined && names.indexOf(value) < 0) {
    invalid(api, name, `one of ${names.join(', ')}, or left out`, value);
  }
}
