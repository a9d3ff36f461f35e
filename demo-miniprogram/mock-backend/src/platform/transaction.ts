import type { TradeState } from '../domain/order-state';
import type { PlatformPayment } from '../storage/state';

/** The Transaction of WeChat Pay v3 (query answer and notification plaintext). */
export interface Transaction {
  readonly appid: string;
  readonly mchid: string;
  readonly out_trade_no: string;
  readonly transaction_id?: string;
  readonly trade_type: 'JSAPI';
  readonly trade_state: TradeState;
  readonly trade_state_desc: string;
  readonly bank_type?: string;
  readonly attach: string;
  readonly success_time?: string;
  readonly payer: { readonly openid: string };
  readonly amount: {
    readonly total: number;
    readonly payer_total?: number;
    readonly currency: string;
    readonly payer_currency?: string;
  };
}

/** The refund resource of a REFUND.SUCCESS notification. */
export interface RefundResource {
  readonly mchid: string;
  readonly out_trade_no: string;
  readonly transaction_id: string;
  readonly out_refund_no: string;
  readonly refund_id: string;
  readonly refund_status: 'SUCCESS';
  readonly success_time: string;
  readonly user_received_account: string;
  readonly amount: {
    readonly total: number;
    readonly refund: number;
    readonly payer_total: number;
    readonly payer_refund: number;
  };
}

const TRADE_STATE_DESCRIPTIONS: Readonly<Record<TradeState, string>> = {
  SUCCESS: '支付成功',
  REFUND: '转入退款',
  NOTPAY: '未支付',
  CLOSED: '已关闭',
  REVOKED: '已撤销',
  USERPAYING: '用户支付中',
  PAYERROR: '支付失败',
};

export function transactionOf(payment: PlatformPayment): Transaction {
  const paid = payment.transactionId !== undefined;
  return {
    appid: payment.appid,
    mchid: payment.mchid,
    out_trade_no: payment.outTradeNo,
    ...(paid ? { transaction_id: payment.transactionId, bank_type: 'OTHERS' } : {}),
    trade_type: 'JSAPI',
    trade_state: payment.tradeState,
    trade_state_desc: TRADE_STATE_DESCRIPTIONS[payment.tradeState],
    attach: '',
    ...(payment.successTime ? { success_time: payment.successTime } : {}),
    payer: { openid: payment.payerOpenid },
    amount: paid
      ? {
          total: payment.total,
          payer_total: payment.total,
          currency: payment.currency,
          payer_currency: payment.currency,
        }
      : { total: payment.total, currency: payment.currency },
  };
}
