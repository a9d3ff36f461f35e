import {
  isNonEmptyString,
  isNonNegativeInteger,
  isRecord,
  parseJson,
} from '../../domain/json-guards';
import { B2B_PAY_STATUSES, TRANSFER_BILL_STATES } from '../../domain/order-state';
import type { B2bReport, TransferBillReport } from '../order-book/apply-family-update';

/** Whether a decrypted MCHTRANSFER.BILL.FINISHED resource has what the merchant checks. */
export function isTransferBillResource(value: unknown): value is TransferBillReport {
  return (
    isRecord(value) &&
    isNonEmptyString(value.out_bill_no) &&
    isNonEmptyString(value.transfer_bill_no) &&
    typeof value.state === 'string' &&
    (TRANSFER_BILL_STATES as readonly string[]).includes(value.state) &&
    isNonEmptyString(value.mch_id) &&
    isNonNegativeInteger(value.transfer_amount) &&
    isNonEmptyString(value.openid) &&
    isNonEmptyString(value.update_time)
  );
}

export type ReadB2bPush =
  | {
      readonly ok: true;
      readonly report: B2bReport;
      /** Event + WeChat's order id: the same push twice is a duplicate. */
      readonly notificationId: string;
    }
  | { readonly ok: false; readonly message: string };

/**
 * Reads a `retail_pay_notify` message push (JSON): its appid must be this mini program's; it
 * reports out_trade_no, mchid, payer_openid, pay_status, amount.order_amount, env.
 */
export function readB2bPush(rawBody: Buffer, appId: string): ReadB2bPush {
  const body = parseJson(rawBody.toString('utf8'));
  if (!isRecord(body)) return { ok: false, message: 'body is not a JSON message push' };
  if (body.MsgType !== 'event' || body.Event !== 'retail_pay_notify') {
    return { ok: false, message: `unknown event ${String(body.Event)}` };
  }
  if (body.appid !== appId) return { ok: false, message: 'appid is not this mini program' };
  const { amount } = body;
  if (
    !isNonEmptyString(body.out_trade_no) ||
    !isNonEmptyString(body.mchid) ||
    !isNonEmptyString(body.payer_openid) ||
    !isNonEmptyString(body.order_id) ||
    typeof body.pay_status !== 'string' ||
    !(B2B_PAY_STATUSES as readonly string[]).includes(body.pay_status) ||
    !isRecord(amount) ||
    !isNonNegativeInteger(amount.order_amount) ||
    (body.env !== 0 && body.env !== 1)
  ) {
    return {
      ok: false,
      message:
        'push is missing out_trade_no, mchid, payer_openid, order_id, pay_status, amount or env',
    };
  }
  return {
    ok: true,
    notificationId: `retail_pay_notify:${body.order_id}:${body.pay_status}`,
    report: {
      outTradeNo: body.out_trade_no,
      mchid: body.mchid,
      openid: body.payer_openid,
      env: body.env,
      payStatus: body.pay_status as B2bReport['payStatus'],
      amount: amount.order_amount,
      orderId: body.order_id,
      ...(isNonNegativeInteger(body.pay_time) ? { payTime: body.pay_time } : {}),
    },
  };
}
