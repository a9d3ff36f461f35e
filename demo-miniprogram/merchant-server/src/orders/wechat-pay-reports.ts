import type { MerchantConfig } from '../config/options';
import type { Refund, Transaction, TransferBill } from '../kit';
import { firstMismatch, type Report } from './apply-report';
import type { Order } from './order';

const PAID_WITH_WECHAT_PAY = ['payment', 'order', 'plugin'] as const;

/** A Transaction (`TRANSACTION.SUCCESS` or the v3 query): this merchant's, the order's amount and payer. */
export function transactionReport(config: MerchantConfig, transaction: Transaction): Report {
  return {
    orderId: String(transaction.out_trade_no),
    kinds: PAID_WITH_WECHAT_PAY,
    status: transaction.trade_state,
    ...(transaction.transaction_id ? { transactionId: transaction.transaction_id } : {}),
    ...(transaction.success_time ? { paidAt: transaction.success_time } : {}),
    mismatch: (order: Order) =>
      firstMismatch({
        'the API (a v3 Transaction for a v2 order)': order.api === 'v3',
        appid: transaction.appid === config.appId,
        mchid: transaction.mchid === config.mchId,
        'amount.total': transaction.amount?.total === order.amount,
        'amount.currency': (transaction.amount?.currency ?? 'CNY') === order.currency,
        // Who paid is known once paid.
        'payer.openid':
          transaction.trade_state !== 'SUCCESS' || transaction.payer?.openid === order.openid,
      }),
  };
}

/**
 * A refund notification: only a full refund that succeeded moves the order (to REFUND); any
 * other refund changes nothing here (undefined).
 */
export function refundReport(config: MerchantConfig, refund: Refund): Report | undefined {
  if (refund.refund_status !== 'SUCCESS') return undefined;
  return {
    orderId: String(refund.out_trade_no),
    kinds: PAID_WITH_WECHAT_PAY,
    status: 'REFUND',
    mismatch: (order) =>
      firstMismatch({
        mchid: refund.mchid === config.mchId,
        transaction_id: refund.transaction_id === order.transactionId,
        'amount.total': refund.amount?.total === order.amount,
        'amount.refund (a partial refund)': refund.amount?.refund === order.amount,
      }),
  };
}

/** A transfer bill (`MCHTRANSFER.BILL.FINISHED` or the bill query): SUCCESS is received. */
export function transferBillReport(config: MerchantConfig, bill: TransferBill): Report {
  return {
    orderId: String(bill.out_bill_no),
    kinds: ['transfer'],
    status: bill.state,
    ...(bill.transfer_bill_no ? { transactionId: bill.transfer_bill_no } : {}),
    ...(bill.update_time ? { paidAt: bill.update_time } : {}),
    mismatch: (order) =>
      firstMismatch({
        mch_id: bill.mch_id === undefined || bill.mch_id === config.mchId,
        transfer_bill_no: bill.transfer_bill_no === order.transferBillNo,
        openid: bill.openid === undefined || bill.openid === order.openid,
        transfer_amount:
          bill.transfer_amount === undefined || bill.transfer_amount === order.amount,
      }),
  };
}

/**
 * An API v2 order's fields: the XML payment notification (`result_code`) or `/pay/orderquery`
 * (`trade_state`). `time_end` is Beijing time, `yyyyMMddHHmmss`.
 */
export function v2Report(config: MerchantConfig, fields: Readonly<Record<string, string>>): Report {
  const status = fields.trade_state ?? (fields.result_code === 'SUCCESS' ? 'SUCCESS' : 'PAYERROR');
  const end = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/.exec(fields.time_end ?? '');
  return {
    orderId: String(fields.out_trade_no),
    kinds: PAID_WITH_WECHAT_PAY,
    status,
    ...(fields.transaction_id ? { transactionId: fields.transaction_id } : {}),
    ...(end ? { paidAt: `${end[1]}-${end[2]}-${end[3]}T${end[4]}:${end[5]}:${end[6]}+08:00` } : {}),
    mismatch: (order) =>
      firstMismatch({
        'the API (a v2 answer for a v3 order)': order.api === 'v2',
        appid: fields.appid === config.appId,
        mch_id: fields.mch_id === config.mchId,
        total_fee: status !== 'SUCCESS' || fields.total_fee === String(order.amount),
        openid: status !== 'SUCCESS' || (fields.sub_openid ?? fields.openid) === order.openid,
      }),
  };
}
