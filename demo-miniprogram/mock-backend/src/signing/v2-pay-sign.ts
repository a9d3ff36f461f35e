import { createHash, createHmac } from 'node:crypto';
import { safeEqual } from './safe-equal';

/** The two API v2 signature types a mini program can pass as signType. */
export type V2SignType = 'MD5' | 'HMAC-SHA256';

export function isV2SignType(value: string): value is V2SignType {
  return value === 'MD5' || value === 'HMAC-SHA256';
}

/** What a v2 mini program paySign covers; unlike v3, signType is signed. */
export interface V2PaySignFields {
  readonly appId: string;
  readonly timeStamp: string;
  readonly nonceStr: string;
  readonly package: string;
  readonly signType: V2SignType;
}

/**
 * The v2 string to sign: non-empty fields sorted by name (ASCII), `key=value` joined with `&`,
 * then `&key=API_KEY`. `sign` and `paySign` never take part.
 */
export function v2SignString(fields: Readonly<Record<string, string>>, apiKey: string): string {
  const pairs = Object.keys(fields)
    .filter((name) => name !== 'sign' && name !== 'paySign' && fields[name] !== '')
    .sort()
    .map((name) => `${name}=${fields[name]}`);
  return `${pairs.join('&')}&key=${apiKey}`;
}

/** Uppercase hex MD5, or HMAC-SHA256 keyed with the API key, of {@link v2SignString}. */
export function signV2(
  fields: Readonly<Record<string, string>>,
  apiKey: string,
  signType: V2SignType,
): string {
  const signString = v2SignString(fields, apiKey);
  const digest =
    signType === 'MD5'
      ? createHash('md5').update(signString, 'utf8').digest('hex')
      : createHmac('sha256', apiKey).update(signString, 'utf8').digest('hex');
  return digest.toUpperCase();
}

/** The five-field object a mini program v2 paySign is computed over. */
export function v2PaySignObject(fields: V2PaySignFields): Record<string, string> {
  return {
    appId: fields.appId,
    nonceStr: fields.nonceStr,
    package: fields.package,
    signType: fields.signType,
    timeStamp: fields.timeStamp,
  };
}

export function signV2PaySign(fields: V2PaySignFields, apiKey: string): string {
  return signV2(v2PaySignObject(fields), apiKey, fields.signType);
}

/** Exact (uppercase) comparison, as WeChat does. */
export function verifyV2PaySign(fields: V2PaySignFields, paySign: string, apiKey: string): boolean {
  return safeEqual(paySign, signV2PaySign(fields, apiKey));
}
