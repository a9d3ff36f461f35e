import type { ParamIssue } from '../core/outcome';
import { isRecord } from '../shared/values';
import { PLUGIN_PAYMENT_MUST_BE as MUST_BE } from './must-be';
import type { PreparedParams } from './prepared-params';
import { checkFields, NUMBER, OPTIONAL_STRING, STRING } from './rules';

/**
 * The parameters of `wx.requestPluginPayment`: a payment from inside a plugin, through the
 * host's payment functional page (it cannot run in an ordinary mini program page).
 */
export interface PluginPaymentParamsInput {
  /** The plugin's version: `release` once published. */
  version: 'release' | 'trial' | 'develop';
  /** The amount the functional page shows, in fen. */
  fee: number;
  /** Any data, handed to the functional page's handler. */
  paymentArgs: unknown;
  /** The currency symbol the page shows. @default 'CNY' */
  currencyType?: 'CNY' | 'USD' | 'JPY' | 'EUR' | 'HKD' | 'GBP' | 'AUD' | 'MOP' | 'KRW';
}

/** The bad fields of `requestPluginPayment` parameters; `[]` when they are valid. */
export function validatePluginPaymentParams(params: unknown): ParamIssue[] {
  return preparePluginPaymentParams(params).issues;
}

/** Validates and builds exactly what the host receives: known keys only. */
export function preparePluginPaymentParams(params: unknown): PreparedParams {
  const input = isRecord(params) ? params : {};
  const { values: value, issues } = checkFields(input, [
    {
      field: 'version',
      mustBe: MUST_BE.version,
      types: STRING,
      pattern: /^(release|trial|develop)$/,
    },
    { field: 'fee', mustBe: MUST_BE.fee, types: NUMBER, pattern: /^\d{1,15}$/ },
    {
      field: 'paymentArgs',
      mustBe: MUST_BE.paymentArgs,
      types: ['object', 'array', 'string', 'number', 'boolean'],
      pattern: /^/,
    },
    {
      field: 'currencyType',
      mustBe: MUST_BE.currencyType,
      types: OPTIONAL_STRING,
      pattern: /^(CNY|USD|JPY|EUR|HKD|GBP|AUD|MOP|KRW)$/,
    },
  ]);
  return { issues, value };
}
