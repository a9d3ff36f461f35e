import type { ParamIssue } from '../core/outcome';
import { isRecord } from '../shared/values';
import { MERCHANT_TRANSFER_MUST_BE as MUST_BE } from './must-be';
import type { PreparedParams } from './prepared-params';
import type { FieldRule } from './rules';
import { checkFields, isLeftOut, NON_EMPTY, OPTIONAL_STRING, STRING } from './rules';

/**
 * The parameters of `wx.requestMerchantTransfer`: the page where the user confirms receipt of
 * a merchant transfer (a cash-out, a reward, a refund to the wallet). `package` is the bill's
 * `package_info`, which WeChat Pay gives only while the bill waits for this confirmation.
 * A merchant sends `appId`; a service provider sends `subMchId` and `appId` or `subAppId`.
 */
export type MerchantTransferParamsInput = {
  mchId: string;
  /** The transfer bill's `package_info`. */
  package: string;
  /** The openId of the user receiving it, under `appId`. @default none */
  openId?: string;
} & (
  | { appId: string; subMchId?: undefined; subAppId?: undefined }
  | { subMchId: string; appId: string; subAppId?: string }
  | { subMchId: string; subAppId: string; appId?: string }
);

const OPTIONAL: Array<keyof typeof MUST_BE> = ['subMchId', 'subAppId', 'openId'];

/** The bad fields of `requestMerchantTransfer` parameters; `[]` when they are valid. */
export function validateMerchantTransferParams(params: unknown): ParamIssue[] {
  return prepareMerchantTransferParams(params).issues;
}

/** Validates and builds exactly what the host receives: known keys only. */
export function prepareMerchantTransferParams(params: unknown): PreparedParams {
  const input = isRecord(params) ? params : {};
  // A service provider (subMchId) may name the sub-merchant's AppID instead of its own.
  const appIdOptional = !isLeftOut(input, 'subMchId') && !isLeftOut(input, 'subAppId');
  const rules: FieldRule[] = [
    { field: 'mchId', mustBe: MUST_BE.mchId, types: STRING, pattern: NON_EMPTY },
    { field: 'package', mustBe: MUST_BE.package, types: STRING, pattern: NON_EMPTY },
    {
      field: 'appId',
      mustBe: MUST_BE.appId,
      types: appIdOptional ? OPTIONAL_STRING : STRING,
      pattern: NON_EMPTY,
    },
    ...OPTIONAL.map((field) => ({
      field,
      mustBe: MUST_BE[field],
      types: OPTIONAL_STRING,
      pattern: NON_EMPTY,
    })),
  ];
  const { values, issues } = checkFields(input, rules);
  return { issues, value: values };
}
