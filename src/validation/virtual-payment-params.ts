import type { HostVirtualPaymentOptions } from '../core/host';
import type { ParamIssue } from '../core/outcome';
import { check, describeValue, fieldsOf, type Rule } from './rules';

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

export type HostVirtualPaymentParams = Omit<
  HostVirtualPaymentOptions,
  'success' | 'fail' | 'complete'
>;

const rules = (payKey: string): Rule[] => [
  ['mode', /^short_series_(goods|coin)$/, '', 'string'],
  [payKey, /./, 'text', 'string'],
  ['signature', /./, 'text', 'string'],
];

const signDataRules = (goods: boolean): Rule[] => [
  ['offerId', /./, 'text', 'string'],
  ['buyQuantity', /^[1-9]\d{0,14}$/, '', 'string number'],
  ['currencyType', /^[A-Z]{3}$/, '', 'string'],
  ['outTradeNo', /^(?!_)[\w\-|*@]{8,32}$/, '', 'string'],
  ['attach', /^/, 'text', 'string'],
  ['env', /^[01]$/, '', 'number undefined'],
  ['productId', /./, 'text', goods ? 'string' : 'string undefined'],
  ['goodsPrice', /^\d{1,15}$/, '', goods ? 'number' : 'number undefined'],
];

/** The bad fields of `requestVirtualPayment` parameters; `[]` when they are valid. */
export function validateVirtualPaymentParams(params: unknown): ParamIssue[] {
  return prepareVirtualPaymentParams(params).issues;
}

/** Validates and builds what the host receives; a string `signData` is never re-serialised. */
export function prepareVirtualPaymentParams(params: unknown): {
  issues: ParamIssue[];
  value: HostVirtualPaymentParams;
} {
  const input = fieldsOf(params);
  const { mode, signData, paySig, paySign, signature } = input;
  const payKey = paySig !== undefined || paySign === undefined ? 'paySig' : 'paySign';
  const value = { mode, signData, paySig: input[payKey], signature } as HostVirtualPaymentParams;
  if (paySign !== undefined) value.paySign = value.paySig;
  let issues = check(input, rules(payKey));
  let fields: unknown = signData;
  let got = describeValue(signData);
  try {
    if (typeof signData === 'string') fields = JSON.parse(signData);
    else value.signData = JSON.stringify(signData);
  } catch (error) {
    // A string is never taken for the fields.
    fields = got = (error as Error).message;
  }
  issues = issues.concat(
    fields === fieldsOf(fields)
      ? check(
          fields as Record<string, unknown>,
          signDataRules(mode === 'short_series_goods'),
          'signData.',
        )
      : { field: 'signData', message: `expected a JSON object, got ${got}` },
  );
  return { issues, value };
}
