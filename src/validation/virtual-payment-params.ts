import type { ParamIssue } from '../core/outcome';
import { isRecord } from '../shared/values';
import { VIRTUAL_MUST_BE as MUST_BE } from './must-be';
import type { PreparedParams } from './prepared-params';
import {
  checkFields,
  type FieldRule,
  isLeftOut,
  NON_EMPTY,
  NUMBER,
  OPTIONAL_NUMBER,
  OPTIONAL_STRING,
  STRING,
  STRING_OR_NUMBER,
} from './rules';
import { readSignData } from './sign-data';

/** What the server signed for `wx.requestVirtualPayment` (the fields of `signData`). */
export interface VirtualSignData {
  /** The merchant's offer id from the virtual payment console. */
  offerId: string;
  /** How many items or coins; a positive integer (TCMPP's table sends it as a string). */
  buyQuantity: number | string;
  /** 0 production, 1 sandbox. @default 0 */
  env?: 0 | 1;
  /** `CNY` in WeChat; superapps use their own (TCMPP examples use `USD`). */
  currencyType: string;
  /** Required for `short_series_goods`. */
  productId?: string;
  /** Unit price in fen (cents), a non-negative integer. Required for `short_series_goods`. */
  goodsPrice?: number;
  /** 8 to 32 of `[0-9A-Za-z_-|*@]`, not starting with `_`; single use. */
  outTradeNo: string;
  /** Echoed back in the delivery notification. */
  attach: string;
  [extra: string]: unknown;
}

/**
 * The parameters of `wx.requestVirtualPayment`. Pass `signData` as the exact string your
 * server signed (it reaches the host byte for byte) or as an object (serialised once).
 * WeChat names the payment signature `paySig`; TCMPP's table names it `paySign`: either works.
 */
export type VirtualPaymentParamsInput = {
  mode: 'short_series_goods' | 'short_series_coin';
  signData: string | VirtualSignData;
  /** hmac_sha256(session_key, signData), from your server. */
  signature: string;
} & ({ paySig: string; paySign?: string } | { paySign: string; paySig?: string });

function signDataRules(goods: boolean): FieldRule[] {
  return [
    { field: 'offerId', mustBe: MUST_BE.offerId, types: STRING, pattern: NON_EMPTY },
    {
      field: 'buyQuantity',
      mustBe: MUST_BE.buyQuantity,
      types: STRING_OR_NUMBER,
      pattern: /^[1-9]\d{0,14}$/,
    },
    { field: 'currencyType', mustBe: MUST_BE.currencyType, types: STRING, pattern: /^[A-Z]{3}$/ },
    {
      field: 'outTradeNo',
      mustBe: MUST_BE.outTradeNo,
      types: STRING,
      pattern: /^(?!_)[\w\-|*@]{8,32}$/,
    },
    { field: 'attach', mustBe: MUST_BE.attach, types: STRING, pattern: /^/ },
    { field: 'env', mustBe: MUST_BE.env, types: OPTIONAL_NUMBER, pattern: /^[01]$/ },
    {
      field: 'productId',
      mustBe: MUST_BE.productId,
      types: goods ? STRING : OPTIONAL_STRING,
      pattern: NON_EMPTY,
    },
    {
      field: 'goodsPrice',
      mustBe: MUST_BE.goodsPrice,
      types: goods ? NUMBER : OPTIONAL_NUMBER,
      pattern: /^\d{1,15}$/,
    },
  ];
}

/** The bad fields of `requestVirtualPayment` parameters; `[]` when they are valid. */
export function validateVirtualPaymentParams(params: unknown): ParamIssue[] {
  return prepareVirtualPaymentParams(params).issues;
}

/** Validates and builds what the host receives; a string `signData` is never re-serialised. */
export function prepareVirtualPaymentParams(params: unknown): PreparedParams {
  const input = isRecord(params) ? params : {};
  const payKey = isLeftOut(input, 'paySig') && !isLeftOut(input, 'paySign') ? 'paySign' : 'paySig';
  const { values, issues } = checkFields(input, [
    { field: 'mode', mustBe: MUST_BE.mode, types: STRING, pattern: /^short_series_(goods|coin)$/ },
    { field: payKey, mustBe: MUST_BE.paySig, types: STRING, pattern: NON_EMPTY },
    { field: 'signature', mustBe: MUST_BE.signature, types: STRING, pattern: NON_EMPTY },
  ]);
  const signData = readSignData(input, signDataRules(values.mode === 'short_series_goods'));
  const value: Record<string, unknown> = {
    mode: values.mode,
    signData: signData.text,
    paySig: values[payKey],
    signature: values.signature,
  };
  // TCMPP's table names it paySign: a caller who used that name gets both.
  if (!isLeftOut(input, 'paySign')) value.paySign = value.paySig;
  return { issues: issues.concat(signData.issues), value };
}
