import type { ParamIssue } from '../core/outcome';
import { isRecord } from '../shared/values';
import { PAYMENT_MUST_BE as MUST_BE } from './must-be';
import type { PreparedParams } from './prepared-params';
import {
  checkFields,
  type FieldRule,
  isLeftOut,
  NON_EMPTY,
  OPTIONAL_STRING,
  STRING,
  STRING_OR_NUMBER,
} from './rules';

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

/** The rules of `requestPayment`'s parameters, the package named as the caller named it. */
const paymentRules = (packageKey: string): FieldRule[] => [
  { field: 'timeStamp', mustBe: MUST_BE.timeStamp, types: STRING_OR_NUMBER, pattern: /^\d{1,32}$/ },
  { field: 'nonceStr', mustBe: MUST_BE.nonceStr, types: STRING, pattern: /^.{1,32}$/ },
  { field: packageKey, mustBe: MUST_BE.package, types: STRING, pattern: /^prepay_id=\S.{0,117}$/ },
  {
    field: 'signType',
    mustBe: MUST_BE.signType,
    types: OPTIONAL_STRING,
    pattern: /^(RSA|MD5|HMAC-SHA256)$/,
  },
  { field: 'paySign', mustBe: MUST_BE.paySign, types: STRING, pattern: NON_EMPTY },
];

/** The bad fields of `requestPayment` parameters; `[]` when they are valid. */
export function validatePaymentParams(params: unknown): ParamIssue[] {
  return preparePaymentParams(params).issues;
}

/**
 * Validates and builds exactly what the host receives: known keys only, the package under
 * `package` whatever the caller named it, a numeric timeStamp as its digits.
 */
export function preparePaymentParams(params: unknown): PreparedParams {
  const input = isRecord(params) ? params : {};
  const packageKey = isLeftOut(input, 'package') && !isLeftOut(input, 'pkg') ? 'pkg' : 'package';
  const { values, issues } = checkFields(input, paymentRules(packageKey));
  const { timeStamp, nonceStr, signType, paySign } = values;
  // Converted only once valid: `String` throws on some objects.
  const value = {
    timeStamp: issues.length ? timeStamp : String(timeStamp),
    nonceStr,
    package: values[packageKey],
    paySign,
  };
  return { issues, value: signType === undefined ? value : { ...value, signType } };
}
