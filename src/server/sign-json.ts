import { createHmac } from 'node:crypto';
import { describeError, invalidArgument, isRecord } from './messages';

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
      return invalidArgument(api, name, `${expected} (${describeError(error)})`, value);
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
      `${expected} that JSON.stringify accepts (${describeError(error)})`,
      value,
    );
  }
}
