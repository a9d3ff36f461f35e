import { isIP } from 'node:net';
import { canonicalJson } from '../lib/json';
import type { NewOrder } from '../payments/order-book';
import { institutionIds } from './institution';
import type { V2OrderNote } from './order-notes';
import { returnFail } from './refusal';
import { parseCompactBeijingTime } from './time';
import type { V2Rule } from './v2-fields';
import type { V2Request } from './v2-request';

const OUT_TRADE_NO: V2Rule = {
  maxBytes: 32,
  pattern: { test: /^[0-9A-Za-z_\-*|]{6,32}$/, says: '6 to 32 of [0-9A-Za-z_-*|]' },
};
const NOTIFY_URL: V2Rule = {
  maxBytes: 256,
  pattern: {
    test: /^https?:\/\/[^\s?#]+$/,
    says: 'an http(s) URL without query parameters (WeChat Pay takes none)',
  },
};
const FEE_TYPE: V2Rule = {
  maxBytes: 16,
  pattern: { test: /^[A-Z]{3}$/, says: 'an ISO 4217 currency code such as CNY or HKD' },
};
const TIME: V2Rule = {
  maxBytes: 14,
  pattern: { test: /^[0-9]{14}$/, says: 'yyyyMMddHHmmss, Beijing time' },
};
/** Fields that differ between two sendings of the same order. */
const UNSIGNED_IDENTITY = new Set(['nonce_str', 'sign', 'sign_type']);

/**
 * `POST /pay/unifiedorder` of an institution (WeChat Pay Global): a JSAPI order (a mini
 * program pays with `sub_appid` and `sub_openid`) for one of its sub-merchants, as an order of
 * the order book, and the note API v2 keeps of it.
 */
export function readUnifiedOrder(request: V2Request): { order: NewOrder; note: V2OrderNote } {
  const { fields, merchant } = request;
  const ids = institutionIds(request);
  fields.required('nonce_str', { maxBytes: 32 });
  const tradeType = fields.required('trade_type', { maxBytes: 16 });
  if (tradeType !== 'JSAPI') {
    throw returnFail(
      'PARAM_ERROR',
      `trade_type must be JSAPI (the simulator plays mini program payments); got ${JSON.stringify(tradeType)}.`,
    );
  }
  const ip = fields.required('spbill_create_ip', { maxBytes: 64 });
  if (isIP(ip) === 0) {
    throw returnFail(
      'PARAM_ERROR',
      `spbill_create_ip must be an IPv4 or IPv6 address; got ${JSON.stringify(ip)}.`,
    );
  }
  const openid = fields.optional('openid', { maxBytes: 128 });
  const subOpenid = fields.optional('sub_openid', { maxBytes: 128 });
  if (openid === undefined && subOpenid === undefined) {
    throw returnFail(
      'LACK_PARAMS',
      'openid or sub_openid is required with trade_type JSAPI (a mini program sends sub_openid, the user of sub_appid).',
    );
  }
  if (subOpenid !== undefined && ids.subAppid === undefined) {
    throw returnFail(
      'LACK_PARAMS',
      'sub_appid is required with sub_openid (the openid is of that AppID).',
    );
  }
  const timeExpireText = fields.optional('time_expire', TIME);
  const timeExpire =
    timeExpireText === undefined ? undefined : parseCompactBeijingTime(timeExpireText);
  if (timeExpireText !== undefined && timeExpire === undefined) {
    throw returnFail(
      'PARAM_ERROR',
      `time_expire ${timeExpireText} is not a date and time (yyyyMMddHHmmss).`,
    );
  }
  fields.optional('time_start', TIME);
  const attach = fields.optional('attach', { maxBytes: 127 });
  const deviceInfo = fields.optional('device_info', { maxBytes: 32 });
  const identity = Object.fromEntries(
    Object.entries(fields.all()).filter(
      ([name, value]) => !UNSIGNED_IDENTITY.has(name) && value !== '',
    ),
  );
  const order: NewOrder = {
    api: 'v2',
    mode: 'partner',
    mchid: merchant.mchid,
    subMchid: ids.subMchid,
    appid: ids.appid,
    ...(ids.subAppid === undefined ? {} : { subAppid: ids.subAppid }),
    outTradeNo: fields.required('out_trade_no', OUT_TRADE_NO),
    description: fields.required('body', { maxBytes: 127 }),
    ...(attach === undefined ? {} : { attach }),
    notifyUrl: fields.required('notify_url', NOTIFY_URL),
    total: fields.requiredInteger('total_fee', 1, 100_000_000_000),
    currency: fields.optional('fee_type', FEE_TYPE) ?? 'CNY',
    payer: {
      ...(openid === undefined ? {} : { openid }),
      ...(subOpenid === undefined ? {} : { subOpenid }),
    },
    ...(timeExpire === undefined ? {} : { timeExpire }),
    fingerprint: canonicalJson(identity),
  };
  return {
    order,
    note: { signType: request.signType, ...(deviceInfo === undefined ? {} : { deviceInfo }) },
  };
}
