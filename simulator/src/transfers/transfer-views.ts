import { rfc3339Beijing } from '../lib/time';
import type { TransferBillRecord } from './transfer-bill';

/** What creating a bill answers (the same request again answers the bill as it is now). */
export function createdBillView(bill: TransferBillRecord): Record<string, unknown> {
  return {
    out_bill_no: bill.outBillNo,
    transfer_bill_no: bill.transferBillNo,
    create_time: rfc3339Beijing(bill.createdAt),
    state: bill.state,
    ...(bill.failReason === undefined ? {} : { fail_reason: bill.failReason }),
    ...(bill.state === 'WAIT_USER_CONFIRM' ? { package_info: bill.packageInfo } : {}),
  };
}

/** `GET …/transfer-bills/out-bill-no/{out_bill_no}`. */
export function billView(bill: TransferBillRecord): Record<string, unknown> {
  return {
    mch_id: bill.mchid,
    out_bill_no: bill.outBillNo,
    transfer_bill_no: bill.transferBillNo,
    appid: bill.appid,
    state: bill.state,
    transfer_amount: bill.amount,
    transfer_remark: bill.remark,
    ...(bill.failReason === undefined ? {} : { fail_reason: bill.failReason }),
    openid: bill.openid,
    create_time: rfc3339Beijing(bill.createdAt),
    update_time: rfc3339Beijing(bill.updatedAt),
  };
}

/** `POST …/out-bill-no/{out_bill_no}/cancel`. */
export function cancelledBillView(bill: TransferBillRecord): Record<string, unknown> {
  return {
    out_bill_no: bill.outBillNo,
    transfer_bill_no: bill.transferBillNo,
    state: bill.state,
    update_time: rfc3339Beijing(bill.updatedAt),
  };
}

/** The decrypted resource of MCHTRANSFER.BILL.FINISHED. */
export function finishedBillResource(bill: TransferBillRecord): Record<string, unknown> {
  return {
    out_bill_no: bill.outBillNo,
    transfer_bill_no: bill.transferBillNo,
    state: bill.state,
    mch_id: bill.mchid,
    transfer_amount: bill.amount,
    openid: bill.openid,
    ...(bill.failReason === undefined ? {} : { fail_reason: bill.failReason }),
    create_time: rfc3339Beijing(bill.createdAt),
    update_time: rfc3339Beijing(bill.updatedAt),
  };
}
