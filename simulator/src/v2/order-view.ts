import { compactBeijingTime } from '../lib/time';
import type { OrderRecord, TradeState } from '../payments/order';
import type { V2Fieldset } from './answers';
import type { V2OrderNote } from './order-notes';

const TRADE_STATE_DESCRIPTIONS: Readonly<Record<TradeState, string>> = {
  SUCCESS: '支付成功',
  REFUND: '转入退款',
  NOTPAY: '订单未支付',
  CLOSED: '已关闭',
  REVOKED: '已撤销',
  USERPAYING: '用户支付中',
  PAYERROR: '支付失败',
};

/**
 * What API v2 says of a transaction (the payment notification and the order query share it):
 * the payer, the amounts and, once paid, `transaction_id`, `cash_fee` and `time_end`
 * (yyyyMMddHHmmss, Beijing, on the test clock).
 */
function transactionFields(order: OrderRecord): V2Fieldset {
  const paid = order.transactionId !== undefined && order.successAt !== undefined;
  return {
    openid: order.payer.openid,
    sub_openid: order.payer.subOpenid,
    is_subscribe: 'N',
    trade_type: 'JSAPI',
    bank_type: paid ? 'OTHERS' : undefined,
    total_fee: order.total,
    fee_type: order.currency,
    cash_fee: paid ? order.total : undefined,
    transaction_id: order.transactionId,
    out_trade_no: order.outTradeNo,
    attach: order.attach,
    time_end: paid ? compactBeijingTime(order.successAt ?? 0) : undefined,
  };
}

/** `POST /pay/orderquery`'s result: the transaction and its `trade_state`. */
export function orderQueryResult(order: OrderRecord): V2Fieldset {
  return {
    result_code: 'SUCCESS',
    ...transactionFields(order),
    trade_state: order.tradeState,
    trade_state_desc: TRADE_STATE_DESCRIPTIONS[order.tradeState],
  };
}

/**
 * The payment notification's fields, before `nonce_str` and `sign`: the order's ids, then the
 * transaction; `sign_type` names HMAC-SHA256 when the order was made with it.
 */
export function paymentNotificationFields(order: OrderRecord, note: V2OrderNote): V2Fieldset {
  return {
    return_code: 'SUCCESS',
    appid: order.appid,
    mch_id: order.mchid,
    sub_appid: order.subAppid,
    sub_mch_id: order.subMchid,
    device_info: note.deviceInfo,
    result_code: 'SUCCESS',
    sign_type: note.signType === 'MD5' ? undefined : note.signType,
    ...transactionFields(order),
  };
}
