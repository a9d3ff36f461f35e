import { createHash, createHmac } from 'node:crypto';
import { isRecord } from '../shared/values';
import { invalidArgument } from './invalid-argument';
import { optionsOf, paymentFields, requireSecret } from './sign-fields';

/** The signature types of WeChat Pay API v2. */
export type V2SignType = 'MD5' | 'HMAC-SHA256';

/** Options of {@link signPaymentV2}. */
export interface SignPaymentV2Options {
  /** The AppID of the mini program the order was created for. */
  readonly appId: string;
  /** The `prepay_id` that the v2 unified order answered. */
  readonly prepayId: string;
  /** Your API v2 key (API 密钥, 32 characters), set in the merchant platform. */
  readonly key: string;
  /** The signature type, which the v2 paySign also signs. */
  readonly signType: V2SignType;
  /** Unix time in seconds, as a string. @default now */
  readonly timeStamp?: string;
  /** Random string, 32 characters at most. @default 32 random characters of [0-9A-Za-z] */
  readonly nonceStr?: string;
}

/** The parameters of `wx.requestPayment` for WeChat Pay API v2. */
export interface PaymentParamsV2 {
  readonly timeStamp: string;
  readonly nonceStr: string;
  /** `prepay_id=<prepayId>`. */
  readonly package: string;
  readonly signType: V2SignType;
  readonly paySign: string;
}

function requireSignType(api: string, value: unknown): V2SignType {
  if (value !== 'MD5' && value !== 'HMAC-SHA256')
    invalidArgument(api, 'signType', '"MD5" or "HMAC-SHA256"', value);
  return value;
}

function digest(signString: string, key: string, signType: V2SignType): string {
  const hash = signType === 'MD5' ? createHash('md5') : createHmac('sha256', key);
  return hash.update(signString, 'utf8').digest('hex').toUpperCase();
}

/**
 * The WeChat Pay API v2 signature of any request or answer: the fields with a value, sorted by
 * name (ASCII), as `name=value` joined with `&`, then `&key=<key>`; uppercase hex MD5, or
 * HMAC-SHA256 keyed with the key. `sign` and fields that are empty, `undefined` or `null` are
 * left out, as WeChat Pay does. Throws a TypeError naming a bad argument.
 *
 * @example
 * const sign = signV2Params({ appid, mch_id, nonce_str, body, ... }, { key, signType: 'MD5' })
 */
export function signV2Params(
  params: Readonly<Record<string, string | number | undefined | null>>,
  options: { readonly key: string; readonly signType: V2SignType },
): string {
  const api = 'signV2Params';
  if (!isRecord(params))
    invalidArgument(api, 'params', 'an object of field names and values', params);
  const input = optionsOf(api, options, '{ key, signType }');
  const key = requireSecret(api, 'key', input.key, 'your API v2 key');
  const signType = requireSignType(api, input.signType);
  const pairs: string[] = [];
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (name === 'sign' || value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string' && typeof value !== 'number') {
      invalidArgument(api, `params.${name}`, 'a string or a number', value);
    }
    pairs.push(`${name}=${value}`);
  }
  return digest(`${pairs.join('&')}&key=${key}`, key, signType);
}

/**
 * Signs the parameters of `wx.requestPayment` for WeChat Pay API v2: `paySign` is
 * {@link signV2Params} of `appId`, `nonceStr`, `package`, `signType` and `timeStamp` (unlike v3,
 * `signType` is signed). Throws a TypeError naming a bad argument.
 *
 * @example
 * const params = signPaymentV2({ appId, prepayId, key: process.env.WECHATPAY_V2_KEY, signType: 'MD5' })
 */
export function signPaymentV2(options: SignPaymentV2Options): PaymentParamsV2 {
  const api = 'signPaymentV2';
  const input = optionsOf(api, options, '{ appId, prepayId, key, signType }');
  const fields = paymentFields(api, input);
  const key = requireSecret(api, 'key', input.key, 'your API v2 key');
  const signType = requireSignType(api, input.signType);
  const signString =
    `appId=${fields.appId}&nonceStr=${fields.nonceStr}&package=${fields.package}` +
    `&signType=${signType}&timeStamp=${fields.timeStamp}&key=${key}`;
  return {
    timeStamp: fields.timeStamp,
    nonceStr: fields.nonceStr,
    package: fields.package,
    signType,
    paySign: digest(signString, key, signType),
  };
}
