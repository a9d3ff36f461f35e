import type { HostPaymentOptions } from '../core/host';
import type { ParamIssue } from '../core/outcome';
import { check, type Rule } from './rules';

interface PaymentParamsBase {
  /** Seconds since the epoch, as the server signed it. A number is sent as its digits. */
  timeStamp: string | number;
  /** The random string the server signed, 1 to 32 characters. */
  nonceStr: string;
  /** `RSA` for WeChat Pay API v3, `MD5` or `HMAC-SHA256` for v2. @default the host's own default */
  signType?: 'RSA' | 'MD5' | 'HMAC-SHA256';
  /** The server's signature over the other fields. The library never signs. */
  paySign: string;
}

/**
 * The parameters of `wx.requestPayment` as a merchant server returns them: WeChat Pay v3
 * (RSA), v2 (MD5 / HMAC-SHA256), or a payment service provider's `metadata.wechatpay`, which
 * names the package `pkg`. When both are given, `package` is sent.
 */
export type PaymentParamsInput = PaymentParamsBase &
  (
    | {
        /** `prepay_id=...`, up to 128 characters. */
        package: string;
        pkg?: string;
      }
    | {
        /** Alias of `package`, as payment service providers return it. */
        pkg: string;
        package?: string;
      }
  );

export type HostPaymentParams = Omit<HostPaymentOptions, 'success' | 'fail' | 'complete'>;

const rules = (packageKey: string): Rule[] => [
  ['timeStamp', /^\d{1,32}$/, '', 'string number'],
  ['nonceStr', /^.{1,32}$/, '', 'string'],
  [packageKey, /^prepay_id=\S.{0,117}$/, '', 'string'],
  ['signType', /^(RSA|MD5|HMAC-SHA256)$/, '', 'string undefined'],
  ['paySign', /./, 'text', 'string'],
];

/** The bad fields of `requestPayment` parameters; `[]` when they are valid. */
export function validatePaymentParams(params: unknown): ParamIssue[] {
  return preparePaymentParams(params).issues;
}

/** Validates and builds exactly what the host receives: known keys only. */
export function preparePaymentParams(params: unknown): {
  issues: ParamIssue[];
  value: HostPaymentParams;
} {
  // Any value reads as an object: a missing or odd `params` names every field.
  const input = Object(params) as Record<string, unknown>;
  const { timeStamp, nonceStr, signType, paySign } = input;
  const packageKey = input.package !== undefined || input.pkg === undefined ? 'package' : 'pkg';
  const issues = check(input, rules(packageKey));
  const value = {
    // Only a valid timeStamp (digits, as a string or a number) is converted: `String` throws
    // on some objects.
    timeStamp: issues.length ? timeStamp : String(timeStamp),
    nonceStr,
    package: input[packageKey],
    paySign,
  } as HostPaymentParams;
  if (signType !== undefined) value.signType = signType as HostPaymentParams['signType'];
  return { issues, value };
}
