// The resources a merchant server handles, as WeChat Pay API v3 documents them: what a query
// answers and what a notification's `resource` decrypts to (`verifyNotification<Transaction>`).

/** WeChat Pay's `trade_state` of an order. */
export type TradeState =
  | 'SUCCESS'
  | 'REFUND'
  | 'NOTPAY'
  | 'CLOSED'
  | 'REVOKED'
  | 'USERPAYING'
  | 'PAYERROR';

/**
 * A payment order (交易), as `GET /v3/pay/transactions/out-trade-no/{out_trade_no}` answers it
 * and as `TRANSACTION.SUCCESS` carries it. A service provider's order names `sp_appid`,
 * `sp_mchid`, `sub_appid`, `sub_mchid` and `payer.sp_openid` / `payer.sub_openid` instead.
 */
export interface Transaction {
  readonly appid: string;
  readonly mchid: string;
  readonly out_trade_no: string;
  /** WeChat Pay's order number; absent until the order is paid. */
  readonly transaction_id?: string;
  /** `JSAPI` for a mini program (also `NATIVE`, `APP`, `MICROPAY`, `MWEB`, `FACEPAY`). */
  readonly trade_type?: string;
  readonly trade_state: TradeState;
  /** e.g. `支付成功`. */
  readonly trade_state_desc: string;
  /** The payer's bank, e.g. `CMC`; once paid. */
  readonly bank_type?: string;
  /** What the order was created with. */
  readonly attach?: string;
  /** RFC 3339, e.g. `2018-06-08T10:34:56+08:00`; once paid. */
  readonly success_time?: string;
  readonly payer?: { readonly openid: string };
  /** In fen. */
  readonly amount?: {
    readonly total?: number;
    readonly payer_total?: number;
    readonly currency?: string;
    readonly payer_currency?: string;
  };
  readonly scene_info?: { readonly device_id?: string };
  readonly promotion_detail?: readonly Readonly<Record<string, unknown>>[];
}

/** A refund's state: PROCESSING, then SUCCESS or CLOSED; ABNORMAL is not final. */
export type RefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';

/**
 * A refund, as `POST /v3/refund/domestic/refunds` and `GET …/refunds/{out_refund_no}` answer it
 * (with `status`), and as `REFUND.SUCCESS`, `REFUND.ABNORMAL` and `REFUND.CLOSED` carry it
 * (with `mchid` and `refund_status`).
 */
export interface Refund {
  /** The merchant; in notifications. */
  readonly mchid?: string;
  readonly refund_id: string;
  readonly out_refund_no: string;
  readonly transaction_id: string;
  readonly out_trade_no: string;
  /** In the answers of the refund APIs. */
  readonly status?: RefundStatus;
  /** In notifications. */
  readonly refund_status?: RefundStatus;
  /** RFC 3339; once SUCCESS. */
  readonly success_time?: string;
  readonly create_time?: string;
  /** Where the money went, e.g. `招商银行信用卡0403` or `支付用户零钱`. */
  readonly user_received_account?: string;
  /** `ORIGINAL`, `BALANCE`, `OTHER_BALANCE`, `OTHER_BANKCARD`; in the APIs' answers. */
  readonly channel?: string;
  readonly funds_account?: string;
  /** In fen. */
  readonly amount: {
    readonly total: number;
    readonly refund: number;
    readonly payer_total?: number;
    readonly payer_refund?: number;
    readonly settlement_total?: number;
    readonly settlement_refund?: number;
    readonly discount_refund?: number;
    readonly currency?: string;
  };
  readonly promotion_detail?: readonly Readonly<Record<string, unknown>>[];
}

/**
 * A merchant transfer bill (商家转账): what "发起转账" answers (`out_bill_no`,
 * `transfer_bill_no`, `create_time`, `state`, `package_info`), what the bill query answers,
 * and what `MCHTRANSFER.BILL.FINISHED` carries (`mch_id`, `transfer_amount`, `openid`,
 * `update_time` too).
 */
export interface TransferBill {
  /** ACCEPTED, PROCESSING, WAIT_USER_CONFIRM, TRANSFERING, SUCCESS, FAIL, CANCELING, CANCELLED. */
  readonly state: string;
  readonly out_bill_no?: string;
  /** WeChat Pay's bill number. */
  readonly transfer_bill_no?: string;
  /** Given only while the bill is WAIT_USER_CONFIRM: what the client passes as `package`. */
  readonly package_info?: string;
  readonly mch_id?: string;
  readonly appid?: string;
  /** In fen. */
  readonly transfer_amount?: number;
  readonly transfer_remark?: string;
  /** The receiving user. */
  readonly openid?: string;
  /** Why a bill FAILed or was CANCELLED, e.g. `PAYEE_ACCOUNT_ABNORMAL`. */
  readonly fail_reason?: string;
  /** RFC 3339. */
  readonly create_time?: string;
  /** RFC 3339: when it reached its state. */
  readonly update_time?: string;
  readonly [field: string]: unknown;
}
