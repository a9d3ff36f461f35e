import { isNonEmptyString, isNonNegativeInteger, isRecord } from '../../domain/json-guards';
import { TRADE_STATES } from '../../domain/order-state';
import type { RefundResource, Transaction } from '../../platform/transaction';

/** Whether a decrypted TRANSACTION.SUCCESS resource has what the merchant checks. */
export function isTransaction(value: unknown): value is Transaction {
  if (!isRecord(value) || !isRecord(value.amount) || !isRecord(value.payer)) return false;
  return (
    isNonEmptyString(value.appid) &&
    isNonEmptyString(value.mchid) &&
    isNonEmptyString(value.out_trade_no) &&
    typeof value.trade_state === 'string' &&
    (TRADE_STATES as readonly string[]).includes(value.trade_state) &&
    isNonNegativeInteger(value.amount.total) &&
    typeof value.amount.currency === 'string' &&
    typeof value.payer.openid === 'string' &&
    (value.trade_state !== 'SUCCESS' ||
      (isNonEmptyString(value.transaction_id) && isNonEmptyString(value.success_time)))
  );
}

/** Whether a decrypted REFUND.SUCCESS resource has what the merchant checks. */
export function isRefundResource(value: unknown): value is RefundResource {
  if (!isRecord(value) || !isRecord(value.amount)) return false;
  return (
    isNonEmptyString(value.mchid) &&
    isNonEmptyString(value.out_trade_no) &&
    isNonEmptyString(value.transaction_id) &&
    value.refund_status === 'SUCCESS' &&
    isNonNegativeInteger(value.amount.total) &&
    isNonNegativeInteger(value.amount.refund)
  );
}
