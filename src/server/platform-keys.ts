import type { KeyObject } from 'node:crypto';
import { describeValue } from '../shared/values';
import { toPublicKey } from './keys';

/** The platform key a serial names, or why there is none. */
export type FoundKey =
  | { readonly key: KeyObject }
  | {
      readonly code: 'unknown_serial' | 'invalid_platform_key' | 'invalid_options';
      readonly message: string;
    };

const SHOWN_SERIALS = 5;

/**
 * Looks `serial` up in `platformKeys` (own fields only; exact, then in any letter case) and
 * parses that one key. Never throws for a bad entry: it is named in the answer.
 */
export function findPlatformKey(platformKeys: unknown, serial: string): FoundKey {
  if (typeof platformKeys !== 'object' || platformKeys === null || Array.isArray(platformKeys)) {
    return {
      code: 'invalid_options',
      message: `options.platformKeys must be an object of public keys by serial; got ${describeValue(platformKeys)}.`,
    };
  }
  const serials = Object.keys(platformKeys);
  const name = serials.includes(serial)
    ? serial
    : serials.find((known) => known.toUpperCase() === serial.toUpperCase());
  if (name === undefined) {
    const known = serials.length
      ? serials.slice(0, SHOWN_SERIALS).join(', ') + (serials.length > SHOWN_SERIALS ? ', …' : '')
      : 'none';
    return {
      code: 'unknown_serial',
      message: `Wechatpay-Serial ${JSON.stringify(serial)} names no key in options.platformKeys (known: ${known}).`,
    };
  }
  const key = toPublicKey((platformKeys as Record<string, unknown>)[name]);
  if (typeof key === 'string') {
    return {
      code: 'invalid_platform_key',
      message: `options.platformKeys[${JSON.stringify(name)}] is ${key}; give the public key PEM, the platform certificate PEM or a public KeyObject.`,
    };
  }
  return { key };
}
