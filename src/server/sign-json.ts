import { createHmac } from 'node:crypto';
import { describeThrown, isRecord } from '../shared/values';
import { invalidArgument } from './invalid-argument';
import { optionsOf, requireSecret } from './sign-fields';

/** Lowercase hex HMAC-SHA256; the key is used as its raw UTF-8 string, as WeChat does. */
export function hmacSha256Hex(key: string, message: string): string {
  return createHmac('sha256', key).update(message, 'utf8').digest('hex');
}

/** A JSON object as a string: a string is kept as is, an object serialised once. */
export function jsonText(api: string, name: string, value: unknown): string {
  const expected = 'a JSON object: its string, or an object to serialise';
  if (typeof value === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch (error) {
      return invalidArgument(api, name, `${expected} (${describeThrown(error)})`, value);
    }
    if (!isRecord(parsed)) invalidArgument(api, name, expected, value);
    return value;
  }
  if (!isRecord(value)) invalidArgument(api, name, expected, value);
  try {
    return JSON.stringify(value);
  } catch (error) {
    return invalidArgument(
      api,
      name,
      `${expected} that JSON.stringify accepts (${describeThrown(error)})`,
      value,
    );
  }
}

/** The keys a signData scheme signs with (virtual payment and B2b payment alike). */
export interface SignDataKeys {
  /**
   * The order's `signData`: a JSON string, signed and returned byte for byte, or an object,
   * serialised once with `JSON.stringify` (that exact string is signed and returned).
   */
  readonly signData: string | object;
  /** The AppKey of the environment (`env`) in signData: production and sandbox differ. */
  readonly appKey: string;
  /** The user's `session_key` from `code2Session`. */
  readonly sessionKey: string;
}

/** What a signData scheme gives the client. */
export interface SignedData {
  /** The exact string that was signed. */
  readonly signData: string;
  /** `hmac_sha256(appKey, "<API name>&" + signData)`, lowercase hex. */
  readonly paySig: string;
  /** `hmac_sha256(sessionKey, signData)`, lowercase hex. */
  readonly signature: string;
}

/**
 * Signs `signData` for the client API `clientApi` (`requestVirtualPayment`,
 * `requestCommonPayment`): `paySig` with the AppKey over `"<clientApi>&" + signData`, and
 * `signature` with the user's session_key. `api` names the caller in a TypeError.
 */
export function signSignData(
  api: string,
  input: Record<string, unknown>,
  clientApi: string,
): SignedData {
  const signData = jsonText(api, 'signData', input.signData);
  const appKey = requireSecret(api, 'appKey', input.appKey, 'the AppKey of the environment');
  const sessionKey = requireSecret(api, 'sessionKey', input.sessionKey, "the user's session_key");
  return {
    signData,
    paySig: hmacSha256Hex(appKey, `${clientApi}&${signData}`),
    signature: hmacSha256Hex(sessionKey, signData),
  };
}

/**
 * Checks `mode` against the modes of the client API, then signs `signData` for it: the body of
 * `signVirtualPayment` and `signCommonPayment`.
 */
export function signWithMode<Mode extends string>(
  api: string,
  options: unknown,
  modes: readonly Mode[],
  clientApi: string,
): { readonly mode: Mode } & SignedData {
  const input = optionsOf(api, options, '{ mode, signData, appKey, sessionKey }');
  const mode = input.mode as Mode;
  if (modes.indexOf(mode) < 0) {
    const names = modes.map((name) => `"${name}"`);
    invalidArgument(
      api,
      'mode',
      `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`,
      mode,
    );
  }
  return { mode, ...signSignData(api, input, clientApi) };
}
