import { APPID, FUZZ_MCHID, FUZZ_NOTIFY_URL, FUZZ_SUB_MCHID } from './context';
import type { FieldSpec } from './values';

/** A valid direct JSAPI order of the fuzz merchant. */
export function directOrder(outTradeNo: string, notifyUrl: string) {
  return {
    appid: APPID,
    mchid: FUZZ_MCHID,
    description: 'A cup of tea',
    out_trade_no: outTradeNo,
    notify_url: notifyUrl,
    amount: { total: 100, currency: 'CNY' },
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
  };
}

/** A v3 API that takes a JSON body, a valid body for it, and the fields of that body. */
export interface BodyRoute {
  readonly target: string;
  readonly body: object;
  readonly fields: readonly FieldSpec[];
}

const ORDER_FIELDS: readonly FieldSpec[] = [
  { path: 'description', kind: 'string', maxBytes: 127 },
  { path: 'out_trade_no', kind: 'string', maxBytes: 32 },
  { path: 'notify_url', kind: 'string', maxBytes: 255 },
  { path: 'amount', kind: 'object' },
  { path: 'amount.total', kind: 'integer' },
  { path: 'amount.currency', kind: 'string', optional: true, maxBytes: 16 },
  { path: 'payer', kind: 'object' },
  { path: 'attach', kind: 'string', optional: true, maxBytes: 128 },
  { path: 'time_expire', kind: 'string', optional: true, maxBytes: 64 },
  { path: 'goods_tag', kind: 'string', optional: true, maxBytes: 32 },
  { path: 'support_fapiao', kind: 'boolean', optional: true },
  { path: 'detail', kind: 'object', optional: true },
  { path: 'scene_info', kind: 'object', optional: true },
  { path: 'settle_info', kind: 'object', optional: true },
];

export const BODY_ROUTES: readonly BodyRoute[] = [
  {
    target: '/v3/pay/transactions/jsapi',
    body: directOrder('FUZZBODY000001', FUZZ_NOTIFY_URL),
    fields: [
      { path: 'appid', kind: 'string', maxBytes: 32 },
      { path: 'mchid', kind: 'string', maxBytes: 32 },
      { path: 'payer.openid', kind: 'string', maxBytes: 128 },
      ...ORDER_FIELDS,
    ],
  },
  {
    target: '/v3/pay/partner/transactions/jsapi',
    body: {
      ...directOrder('FUZZBODY000002', FUZZ_NOTIFY_URL),
      appid: undefined,
      mchid: undefined,
      sp_appid: APPID,
      sp_mchid: FUZZ_MCHID,
      sub_mchid: FUZZ_SUB_MCHID,
      payer: { sp_openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    },
    fields: [
      { path: 'sp_appid', kind: 'string', maxBytes: 32 },
      { path: 'sp_mchid', kind: 'string', maxBytes: 32 },
      { path: 'sub_mchid', kind: 'string', maxBytes: 32 },
      { path: 'sub_appid', kind: 'string', optional: true, maxBytes: 32 },
      { path: 'payer.sp_openid', kind: 'string', optional: true, maxBytes: 128 },
      ...ORDER_FIELDS,
    ],
  },
  {
    target: '/v3/refund/domestic/refunds',
    body: {
      out_trade_no: 'FUZZBODY000003',
      out_refund_no: 'RFUZZBODY000003',
      amount: { refund: 1, total: 100, currency: 'CNY' },
    },
    fields: [
      { path: 'sub_mchid', kind: 'string', optional: true, maxBytes: 32 },
      { path: 'transaction_id', kind: 'string', optional: true, maxBytes: 32 },
      { path: 'out_trade_no', kind: 'string', optional: true, maxBytes: 32 },
      { path: 'out_refund_no', kind: 'string', maxBytes: 64 },
      { path: 'reason', kind: 'string', optional: true, maxBytes: 80 },
      { path: 'notify_url', kind: 'string', optional: true, maxBytes: 256 },
      { path: 'funds_account', kind: 'choice', optional: true },
      { path: 'amount', kind: 'object' },
      { path: 'amount.refund', kind: 'integer' },
      { path: 'amount.total', kind: 'integer' },
      { path: 'amount.currency', kind: 'string', maxBytes: 16 },
    ],
  },
  {
    target: '/v3/pay/transactions/out-trade-no/FUZZBODY000004/close',
    body: { mchid: FUZZ_MCHID },
    fields: [{ path: 'mchid', kind: 'string', maxBytes: 32 }],
  },
];
