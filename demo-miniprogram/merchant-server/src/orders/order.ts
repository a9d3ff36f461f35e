import { type OrderState, toOrderState } from '../kit';

/** Which host API opens an order (`Prepared.kind`, the answer of `POST /api/orders`). */
export type OrderKind = 'payment' | 'order' | 'plugin' | 'virtual' | 'common' | 'transfer';

/** How an order's parameters are signed: a profile of its kind. */
export type Profile = 'wechat-v3' | 'wechat-v2-md5' | 'wechat-v2-hmac' | 'psp' | 'wechat' | 'tcmpp';

/** The API v2 profiles, by the `sign_type` their orders are signed with. */
export const V2_SIGN_TYPES: Partial<Record<Profile, 'MD5' | 'HMAC-SHA256'>> = {
  'wechat-v2-md5': 'MD5',
  'wechat-v2-hmac': 'HMAC-SHA256',
};

/** The merchant's order, as stored (JSON). */
export interface Order {
  readonly orderId: string;
  readonly kind: OrderKind;
  readonly productId: string;
  readonly quantity: number;
  /** In fen. */
  readonly amount: number;
  readonly currency: 'CNY';
  readonly openid: string;
  readonly profile: Profile;
  /** ms since the epoch. */
  readonly createdAt: number;
  /**
   * The platform's state: WeChat Pay's trade_state, virtual payment's status number, B2b
   * payment's pay_status, or the transfer bill's state.
   */
  readonly status: string | number;
  readonly transactionId?: string;
  /** RFC 3339. */
  readonly paidAt?: string;
  /** A WeChat Pay order: the API that made it (v2 for the v2 profiles). */
  readonly api?: 'v3' | 'v2';
  /** A virtual or B2b order: the env its signData names. */
  readonly env?: 0 | 1;
  /** A virtual order: `short_series_coin` or `short_series_goods`. */
  readonly mode?: string;
  /** A transfer: WeChat Pay's bill number. */
  readonly transferBillNo?: string;
}

/** The answer of `GET /api/orders/:orderId`: the order's snapshot for the client. */
export interface OrderView {
  readonly orderId: string;
  readonly state: OrderState;
  /** The platform's word: trade_state, the virtual status name, pay_status or the bill state. */
  readonly tradeState: string;
  readonly amount: number;
  readonly paidAt?: string;
  readonly transactionId?: string;
}

const VIRTUAL_STATUS_NAMES = [
  'INIT',
  'CREATED',
  'PAID',
  'DELIVERING',
  'DELIVERED',
  'REFUNDED',
  'CLOSED',
  'REFUND_FAILED',
];

/** A time (ms since the epoch) in Beijing time, as WeChat writes it: `2024-01-02T15:04:05+08:00`. */
export const beijingTime = (ms: number) =>
  `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;

/** The one state the mini program sees: the library's own `toOrderState` of the platform's. */
export function stateOf(order: Pick<Order, 'status'>): OrderState {
  return toOrderState(order.status);
}

export function viewOf(order: Order): OrderView {
  return {
    orderId: order.orderId,
    state: stateOf(order),
    tradeState:
      typeof order.status === 'number'
        ? (VIRTUAL_STATUS_NAMES[order.status] ?? String(order.status))
        : order.status,
    amount: order.amount,
    ...(order.paidAt ? { paidAt: order.paidAt } : {}),
    ...(order.transactionId ? { transactionId: order.transactionId } : {}),
  };
}

/**
 * Whether the platform's state may move the order from `from` to `to`: a pending order moves
 * anywhere; a paid one only forward (refunded; a virtual order delivered); a failed payment
 * closes; a B2b refund in progress completes; the rest is final. So a late or duplicate report
 * (a success after the close, a notification after the query) changes nothing.
 */
export function mayMove(order: Order, to: string | number): boolean {
  const from = order.status;
  if (from === to) return false;
  const [before, after] = [toOrderState(from), toOrderState(to)];
  if (before === 'pending') return true;
  if (order.kind === 'transfer') return false;
  if (before === 'paid')
    return after === 'refunded' || (after === 'paid' && Number(to) > Number(from));
  if (before === 'failed') return after === 'closed';
  return before === 'refunded' && to === 'ORDER_REFUND';
}
