import { WeChatError } from '../errors/wechat-error';
import { canonicalJson } from '../lib/json';
import type { Merchant } from '../merchants/merchant';
import type { NewRefund } from '../payments/refund-book';
import { Fields, type StringRule } from '../validation/fields';

const OUT_REFUND_NO: StringRule = {
  maxBytes: 64,
  pattern: { test: /^[0-9A-Za-z_\-|*@]{1,64}$/, says: '1 to 64 of [0-9A-Za-z_-|*@]' },
};
const NOTIFY_URL: StringRule = {
  maxBytes: 256,
  pattern: { test: /^https?:\/\/[^\s?#]+$/, says: 'an http(s) URL without query parameters' },
};

/** A refund request and the order it names (by transaction_id, else out_trade_no). */
export interface RefundRequest {
  readonly refund: NewRefund;
  readonly order: { readonly transactionId: string } | { readonly outTradeNo: string };
}

/**
 * `sub_mchid` of a service provider's request (body or query): when given, a registered
 * sub-merchant of the signer (403 NO_AUTH otherwise).
 */
export function subMchidOf(fields: Fields, merchant: Merchant): string | undefined {
  const subMchid = fields.optionalString('sub_mchid', { maxBytes: 32 });
  if (
    subMchid !== undefined &&
    !merchant.record.subMerchants.some((sub) => sub.mchid === subMchid)
  ) {
    throw new WeChatError(
      403,
      'NO_AUTH',
      `sub_mchid ${subMchid} is not a sub-merchant of ${merchant.mchid}; register it in subMerchants.`,
      { location: 'body', field: 'sub_mchid' },
    );
  }
  return subMchid;
}

/** `POST /v3/refund/domestic/refunds`, checked for its shape. */
export function readRefundRequest(body: unknown, merchant: Merchant): RefundRequest {
  const fields = Fields.of(body, 'body');
  const subMchid = subMchidOf(fields, merchant);
  const transactionId = fields.optionalString('transaction_id', { maxBytes: 32 });
  const outTradeNo = fields.optionalString('out_trade_no', { maxBytes: 32 });
  if (transactionId === undefined && outTradeNo === undefined) {
    throw fields.error(
      'transaction_id',
      'transaction_id or out_trade_no is required: which order to refund.',
    );
  }
  const amount = fields.requiredObject('amount');
  const currency = amount.requiredString('currency', { maxBytes: 16 });
  if (currency !== 'CNY')
    throw amount.error('currency', `amount.currency must be CNY; got ${JSON.stringify(currency)}.`);
  fields.optionalChoice('funds_account', ['AVAILABLE', 'UNSETTLED'] as const);
  return {
    order: transactionId !== undefined ? { transactionId } : { outTradeNo: outTradeNo ?? '' },
    refund: {
      mchid: merchant.mchid,
      subMchid,
      outRefundNo: fields.requiredString('out_refund_no', OUT_REFUND_NO),
      reason: fields.optionalString('reason', { maxBytes: 80 }),
      notifyUrl: fields.optionalString('notify_url', NOTIFY_URL),
      refund: amount.requiredInteger('refund', 1, 100_000_000_000),
      total: amount.requiredInteger('total', 1, 100_000_000_000),
      currency,
      fingerprint: canonicalJson(body),
    },
  };
}
