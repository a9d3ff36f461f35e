import { rfc3339Beijing } from '../lib/time';
import type { OrderRecord, TradeState } from '../payments/order';

const TRADE_STATE_DESCRIPTIONS: Readonly<Record<TradeState, string>> = {
  SUCCESS: '支付成功',
  REFUND: '转入退款',
  NOTPAY: '未支付',
  CLOSED: '已关闭',
  REVOKED: '已撤销',
  USERPAYING: '用户支付中',
  PAYERROR: '支付失败',
};

/**
 * The Transaction of API v3, as a query answers it and a TRANSACTION.SUCCESS notification
 * carries it: a direct order's fields, or a partner order's (`sp_appid`, `sp_mchid`, …).
 * Fields a paid transaction has (transaction_id, success_time, payer_total) only once paid.
 */
export function transactionView(order: OrderRecord): Record<string, unknown> {
  const paid = order.transactionId !== undefined && order.successAt !== undefined;
  const ids =
    order.mode === 'direct'
      ? { appid: order.appid, mchid: order.mchid }
      : {
          sp_appid: order.appid,
          sp_mchid: order.mchid,
          ...(order.subAppid === undefined ? {} : { sub_appid: order.subAppid }),
          sub_mchid: order.subMchid,
        };
  const payer =
    order.mode === 'direct'
      ? { openid: order.payer.openid }
      : {
          ...(order.payer.openid === undefined ? {} : { sp_openid: order.payer.openid }),
          ...(order.payer.subOpenid === undefined ? {} : { sub_openid: order.payer.subOpenid }),
        };
  return {
    ...ids,
    out_trade_no: order.outTradeNo,
    ...(paid ? { transaction_id: order.transactionId } : {}),
    trade_type: 'JSAPI',
    trade_state: order.tradeState,
    trade_state_desc: TRADE_STATE_DESCRIPTIONS[order.tradeState],
    ...(paid ? { bank_type: 'OTHERS' } : {}),
    ...(order.attach === undefined ? {} : { attach: order.attach }),
    ...(paid ? { success_time: rfc3339Beijing(order.successAt ?? 0) } : {}),
    payer,
    amount: paid
      ? {
          total: order.total,
          payer_total: order.total,
          currency: order.currency,
          payer_currency: order.currency,
        }
      : { total: order.total, currency: order.currency },
  };
}
