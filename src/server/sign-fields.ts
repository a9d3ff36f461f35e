import { unixSeconds } from '../shared/time';
import { invalidArgument } from './invalid-argument';
import { randomNonce } from './random';

/** A non-empty string with no whitespace or control characters (it is signed line by line). */
const TOKEN = /^[\x21-\x7e]+$/;
const DIGITS = /^[0-9]{1,12}$/;
const NONCE = /^[\x21-\x7e]{1,32}$/;

/** Checks a non-empty string argument without spaces; throws the TypeError of `api` otherwise. */
export function requireToken(api: string, name: string, value: unknown, what: string): string {
  if (typeof value !== 'string' || !TOKEN.test(value)) {
    invalidArgument(api, name, `${what}, a non-empty string without spaces`, value);
  }
  return value;
}

/** Checks a non-empty string secret; the value never appears in the message. */
export function requireSecret(api: string, name: string, value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    invalidArgument(api, name, `${what}, a non-empty string`, value, true);
  }
  return value;
}

/** The fields every JSAPI / mini program payment signs, defaults filled in. */
export interface PaymentFields {
  readonly appId: string;
  readonly timeStamp: string;
  readonly nonceStr: string;
  readonly package: string;
}

/**
 * Reads `appId`, `prepayId`, `timeStamp` (default: now, in seconds) and `nonceStr` (default: 32
 * random characters of [0-9A-Za-z]); `package` is `prepay_id=<prepayId>`.
 */
export function paymentFields(api: string, options: Record<string, unknown>): PaymentFields {
  const appId = requireToken(api, 'appId', options.appId, 'your AppID');
  const prepayId = requireToken(
    api,
    'prepayId',
    options.prepayId,
    'the prepay_id WeChat Pay answered',
  );
  if (prepayId.startsWith('prepay_id=')) {
    invalidArgument(
      api,
      'prepayId',
      'the prepay_id alone, without "prepay_id=" (the package adds it)',
      prepayId,
    );
  }
  const { timeStamp = String(unixSeconds()), nonceStr = randomNonce() } = options;
  if (typeof timeStamp !== 'string' || !DIGITS.test(timeStamp)) {
    invalidArgument(
      api,
      'timeStamp',
      'Unix time in seconds as a string of digits, e.g. "1700000000"',
      timeStamp,
    );
  }
  if (typeof nonceStr !== 'string' || !NONCE.test(nonceStr)) {
    invalidArgument(api, 'nonceStr', 'a string of 1 to 32 characters without spaces', nonceStr);
  }
  return { appId, timeStamp, nonceStr, package: `prepay_id=${prepayId}` };
}

/** The options object of `api`; throws its TypeError when there is none. */
export function optionsOf(api: string, options: unknown, shape: string): Record<string, unknown> {
  if (typeof options !== 'object' || options === null)
    invalidArgument(api, 'its options', shape, options);
  return options as Record<string, unknown>;
}
