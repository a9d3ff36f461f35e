import { WeChatError } from '../errors/wechat-error';
import { canonicalJson } from '../lib/json';
import { parseRfc3339 } from '../lib/time';
import type { Merchant } from '../merchants/merchant';
import type { NewOrder } from '../payments/order-book';
import { Fields, type StringRule } from '../validation/fields';
import { requireHeaderMchid } from './mchid';

const ID_32: StringRule = { maxBytes: 32 };
const OUT_TRADE_NO: StringRule = {
  maxBytes: 32,
  minLength: 6,
  pattern: { test: /^[0-9A-Za-z_\-*|]{6,32}$/, says: '6 to 32 of [0-9A-Za-z_-*|]' },
};
const NOTIFY_URL: StringRule = {
  maxBytes: 255,
  pattern: {
    test: /^https?:\/\/[^\s?#]+$/,
    says: 'an http(s) URL without query parameters (WeChat Pay takes none)',
  },
};

/** The fields both kinds of JSAPI order share. */
function commonFields(fields: Fields) {
  const amount = fields.requiredObject('amount');
  const currency = amount.optionalString('currency', { maxBytes: 16 }) ?? 'CNY';
  if (currency !== 'CNY') {
    throw amount.error('currency', `amount.currency must be CNY; got ${JSON.stringify(currency)}.`);
  }
  const timeExpireText = fields.optionalString('time_expire', { maxBytes: 64 });
  const timeExpire = timeExpireText === undefined ? undefined : parseRfc3339(timeExpireText);
  if (timeExpireText !== undefined && timeExpire === undefined) {
    throw fields.error(
      'time_expire',
      'time_expire must be an RFC 3339 date-time, e.g. 2018-06-08T10:34:56+08:00.',
    );
  }
  const attach = fields.optionalString('attach', { maxBytes: 128 });
  fields.optionalString('goods_tag', { maxBytes: 32 });
  fields.optionalBoolean('support_fapiao');
  for (const name of ['detail', 'scene_info', 'settle_info']) fields.optionalObject(name);
  return {
    description: fields.requiredString('description', { maxBytes: 127 }),
    outTradeNo: fields.requiredString('out_trade_no', OUT_TRADE_NO),
    notifyUrl: fields.requiredString('notify_url', NOTIFY_URL),
    total: amount.requiredInteger('total', 1, 100_000_000_000),
    currency,
    ...(attach === undefined ? {} : { attach }),
    ...(timeExpire === undefined ? {} : { timeExpire }),
  };
}

/** `POST /v3/pay/transactions/jsapi`: checked against the merchant. */
export function readDirectOrder(body: unknown, merchant: Merchant): NewOrder {
  const fields = Fields.of(body, 'body');
  const appid = fields.requiredString('appid', ID_32);
  requireHeaderMchid(fields.requiredString('mchid', ID_32), merchant.mchid, 'mchid');
  const common = commonFields(fields);
  const openid = fields.requiredObject('payer').requiredString('openid', { maxBytes: 128 });
  if (!merchant.record.appids.includes(appid)) {
    throw new WeChatError(
      400,
      'APPID_MCHID_NOT_MATCH',
      `appid ${appid} is not bound to merchant ${merchant.mchid} (registered: ${merchant.record.appids.join(', ')}).`,
      { location: 'body', field: 'appid' },
    );
  }
  return {
    ...common,
    api: 'v3',
    mode: 'direct',
    mchid: merchant.mchid,
    appid,
    payer: { openid },
    fingerprint: canonicalJson(body),
  };
}

/** `POST /v3/pay/partner/transactions/jsapi`: a service provider orders for a sub-merchant. */
export function readPartnerOrder(body: unknown, merchant: Merchant): NewOrder {
  const fields = Fields.of(body, 'body');
  const spAppid = fields.requiredString('sp_appid', ID_32);
  requireHeaderMchid(fields.requiredString('sp_mchid', ID_32), merchant.mchid, 'sp_mchid');
  const subMchid = fields.requiredString('sub_mchid', ID_32);
  const subAppid = fields.optionalString('sub_appid', ID_32);
  const common = commonFields(fields);
  const payer = fields.requiredObject('payer');
  const spOpenid = payer.optionalString('sp_openid', { maxBytes: 128 });
  const subOpenid = payer.optionalString('sub_openid', { maxBytes: 128 });
  if (spOpenid === undefined && subOpenid === undefined) {
    throw payer.error('sp_openid', 'payer.sp_openid or payer.sub_openid is required.');
  }
  if (subOpenid !== undefined && subAppid === undefined) {
    throw fields.error(
      'sub_appid',
      'sub_appid is required with payer.sub_openid (the openid is of that AppID).',
    );
  }
  const sub = merchant.record.subMerchants.find((item) => item.mchid === subMchid);
  if (!sub) {
    throw new WeChatError(
      403,
      'NO_AUTH',
      `sub_mchid ${subMchid} is not a sub-merchant of service provider ${merchant.mchid}; register it in subMerchants.`,
      { location: 'body', field: 'sub_mchid' },
    );
  }
  if (!merchant.record.appids.includes(spAppid)) {
    throw new WeChatError(
      400,
      'APPID_MCHID_NOT_MATCH',
      `sp_appid ${spAppid} is not bound to service provider ${merchant.mchid}.`,
      { location: 'body', field: 'sp_appid' },
    );
  }
  if (subAppid !== undefined && !sub.appids.includes(subAppid)) {
    throw new WeChatError(
      400,
      'APPID_MCHID_NOT_MATCH',
      `sub_appid ${subAppid} is not bound to sub-merchant ${subMchid}.`,
      { location: 'body', field: 'sub_appid' },
    );
  }
  return {
    ...common,
    api: 'v3',
    mode: 'partner',
    mchid: merchant.mchid,
    subMchid,
    appid: spAppid,
    ...(subAppid === undefined ? {} : { subAppid }),
    payer: {
      ...(spOpenid === undefined ? {} : { openid: spOpenid }),
      ...(subOpenid === undefined ? {} : { subOpenid }),
    },
    fingerprint: canonicalJson(body),
  };
}
