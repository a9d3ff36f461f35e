import type { ParamIssue } from '../core/outcome';
import { isRecord } from '../shared/values';
import { COMMON_PAYMENT_MUST_BE as MUST_BE } from './must-be';
import type { PreparedParams } from './prepared-params';
import {
  checkFields,
  type FieldRule,
  NON_EMPTY,
  NUMBER,
  OBJECT,
  OPTIONAL_NUMBER,
  OPTIONAL_STRING,
  STRING,
} from './rules';
import { readSignData } from './sign-data';

/** What the server signed for `wx.requestCommonPayment` (the fields of `signData`). */
export interface CommonSignData {
  /** The merchant id WeChat Pay gave. */
  mchid: string;
  /** 6 to 32 of `[0-9A-Za-z_-*]`, unique per merchant. */
  out_trade_no: string;
  description: string;
  amount: {
    /** What the user pays, in fen. */
    order_amount: number;
    /** @default 'CNY' */
    currency?: 'CNY';
    product_amount?: number;
    freight?: number;
    discount?: number;
    other_fee?: number;
  };
  /** Echoed back in the order query and the payment notification. */
  attach?: string;
  /** 0 production, 1 sandbox. @default 0 */
  env?: 0 | 1;
  [extra: string]: unknown;
}

/**
 * The parameters of `wx.requestCommonPayment` (B2b payment): `signData` signed like virtual
 * payment's. Pass it as the exact string your server signed (it reaches the host byte for
 * byte) or as an object (serialised once).
 */
export interface CommonPaymentParamsInput {
  mode:
    | 'retail_pay_goods'
    | 'retail_pay_indirect_goods'
    | 'retail_pay_combined_goods'
    | 'retail_pay_goods_new';
  signData: string | CommonSignData;
  /** hmac_sha256(AppKey, "requestCommonPayment&" + signData), from your server. */
  paySig: string;
  /** hmac_sha256(session_key, signData), from your server. */
  signature: string;
}

/** Functions, not constants: a bundler then drops them with the function that uses them. */
const signDataRules = (): FieldRule[] => [
  { field: 'mchid', mustBe: MUST_BE.mchid, types: STRING, pattern: NON_EMPTY },
  {
    field: 'out_trade_no',
    mustBe: MUST_BE.out_trade_no,
    types: STRING,
    pattern: /^[\w\-*]{6,32}$/,
  },
  { field: 'description', mustBe: MUST_BE.description, types: STRING, pattern: NON_EMPTY },
  { field: 'amount', mustBe: MUST_BE.amount, types: OBJECT, pattern: NON_EMPTY },
  { field: 'attach', mustBe: MUST_BE.attach, types: OPTIONAL_STRING, pattern: /^/ },
  { field: 'env', mustBe: MUST_BE.env, types: OPTIONAL_NUMBER, pattern: /^[01]$/ },
];

const amountRules = (): FieldRule[] => [
  { field: 'order_amount', mustBe: MUST_BE.order_amount, types: NUMBER, pattern: /^\d{1,15}$/ },
  { field: 'currency', mustBe: MUST_BE.currency, types: OPTIONAL_STRING, pattern: /^CNY$/ },
];

/** The bad fields of `requestCommonPayment` parameters; `[]` when they are valid. */
export function validateCommonPaymentParams(params: unknown): ParamIssue[] {
  return prepareCommonPaymentParams(params).issues;
}

/** Validates and builds what the host receives; a string `signData` is never re-serialised. */
export function prepareCommonPaymentParams(params: unknown): PreparedParams {
  const input = isRecord(params) ? params : {};
  const { values, issues } = checkFields(input, [
    {
      field: 'mode',
      mustBe: MUST_BE.mode,
      types: STRING,
      pattern: /^retail_pay_(goods|indirect_goods|combined_goods|goods_new)$/,
    },
    { field: 'paySig', mustBe: MUST_BE.paySig, types: STRING, pattern: NON_EMPTY },
    { field: 'signature', mustBe: MUST_BE.signature, types: STRING, pattern: NON_EMPTY },
  ]);
  const signData = readSignData(input, signDataRules(), { amount: amountRules() });
  const value = {
    mode: values.mode,
    signData: signData.text,
    paySig: values.paySig,
    signature: values.signature,
  };
  return { issues: issues.concat(signData.issues), value };
}
