import { WeChatError } from '../errors/wechat-error';
import { newPrepayId, newTransactionId } from '../lib/ids';
import type { NotifyPlan } from '../notifications/notifier';
import { isPaid, type OrderRecord, orderKey } from './order';

/** A prepay_id is valid this long (WeChat Pay: 2 hours). */
export const PREPAY_LIFETIME_MS = 2 * 60 * 60 * 1000;

/** A new order's fields: the record without what the book fills in. */
export type NewOrder = Omit<OrderRecord, 'key' | 'prepays' | 'createdAt' | 'tradeState'>;

export interface OrderBookOptions {
  readonly orders: Map<string, OrderRecord>;
  readonly now: () => number;
  readonly save: () => Promise<void>;
  readonly changed: (id: string) => void;
}

/** Told when an order is paid (the notifications of its API listen). */
export type PaidListener = (order: OrderRecord, plan: NotifyPlan) => Promise<void> | void;

/**
 * The orders: created (or found again, as WeChat Pay does for the same parameters), found by
 * key, prepay_id or transaction_id, paid, failed, closed.
 */
export class OrderBook {
  private readonly byPrepayId = new Map<string, string>();
  private readonly byTransactionId = new Map<string, string>();
  private readonly paidListeners: PaidListener[] = [];

  constructor(private readonly options: OrderBookOptions) {
    for (const order of options.orders.values()) this.index(order);
  }

  /**
   * Creates the order, or answers the existing one when `out_trade_no` was used with the same
   * parameters: its latest prepay_id while valid, else a new one. Refuses an out_trade_no used
   * with other parameters (403 OUT_TRADE_NO_USED), a paid order (403 ORDERPAID) and a closed
   * one (400 ORDER_CLOSED).
   */
  async create(input: NewOrder): Promise<{ order: OrderRecord; prepayId: string }> {
    const key = orderKey(input.mchid, input.subMchid, input.outTradeNo);
    const now = this.options.now();
    const existing = this.options.orders.get(key);
    if (existing) return this.again(existing, input, now);
    const order: OrderRecord = {
      ...input,
      key,
      prepays: [{ id: newPrepayId(now), issuedAt: now }],
      createdAt: now,
      tradeState: 'NOTPAY',
    };
    this.options.orders.set(key, order);
    this.index(order);
    await this.saved(order);
    return { order, prepayId: this.latestPrepay(order).id };
  }

  find(mchid: string, subMchid: string | undefined, outTradeNo: string): OrderRecord | undefined {
    return this.options.orders.get(orderKey(mchid, subMchid, outTradeNo));
  }

  findByPrepayId(prepayId: string): OrderRecord | undefined {
    const key = this.byPrepayId.get(prepayId);
    return key === undefined ? undefined : this.options.orders.get(key);
  }

  /** A paid order by its transaction_id, if it belongs to the (sub-)merchant. */
  findByTransactionId(
    mchid: string,
    subMchid: string | undefined,
    id: string,
  ): OrderRecord | undefined {
    const key = this.byTransactionId.get(id);
    const order = key === undefined ? undefined : this.options.orders.get(key);
    return order && order.mchid === mchid && order.subMchid === subMchid ? order : undefined;
  }

  list(): OrderRecord[] {
    return [...this.options.orders.values()];
  }

  /** Whether the prepay_id can no longer be paid (2 hours, or the order's time_expire). */
  isExpired(order: OrderRecord, prepayId: string): boolean {
    const now = this.options.now();
    const prepay = order.prepays.find((item) => item.id === prepayId);
    if (!prepay || now - prepay.issuedAt >= PREPAY_LIFETIME_MS) return true;
    return order.timeExpire !== undefined && now >= order.timeExpire;
  }

  onPaid(listener: PaidListener): void {
    this.paidListeners.push(listener);
  }

  /** The user paid: a transaction_id and success time, then the listeners. */
  async pay(order: OrderRecord, plan: NotifyPlan): Promise<void> {
    const now = this.options.now();
    order.tradeState = 'SUCCESS';
    order.transactionId = newTransactionId(now);
    order.successAt = now;
    this.byTransactionId.set(order.transactionId, order.key);
    await this.saved(order);
    for (const listener of this.paidListeners) await listener(order, plan);
  }

  /** The payment failed at the cashier (no notification is sent for a failure). */
  async fail(order: OrderRecord): Promise<void> {
    order.tradeState = 'PAYERROR';
    await this.saved(order);
  }

  /** `close`: an unpaid order becomes CLOSED (again: no change); a paid one is refused. */
  async close(order: OrderRecord): Promise<void> {
    if (isPaid(order)) throw orderPaid(order);
    if (order.tradeState === 'CLOSED') return;
    order.tradeState = 'CLOSED';
    await this.saved(order);
  }

  /** Records a change made to an order in place (a refund, the cashier's answer). */
  saved(order: OrderRecord): Promise<void> {
    this.options.changed(order.key);
    return this.options.save();
  }

  private async again(
    order: OrderRecord,
    input: NewOrder,
    now: number,
  ): Promise<{ order: OrderRecord; prepayId: string }> {
    if (order.fingerprint !== input.fingerprint || order.api !== input.api) {
      throw new WeChatError(
        403,
        'OUT_TRADE_NO_USED',
        `out_trade_no ${order.outTradeNo} was already used for an order with other parameters; use a new out_trade_no, or send exactly the same parameters to get the order's prepay_id again.`,
        { location: 'body', field: 'out_trade_no' },
      );
    }
    if (isPaid(order)) throw orderPaid(order);
    if (order.tradeState === 'CLOSED' || order.tradeState === 'REVOKED') {
      throw new WeChatError(
        400,
        'ORDER_CLOSED',
        `Order ${order.outTradeNo} is closed; create a new order with a new out_trade_no.`,
      );
    }
    const latest = this.latestPrepay(order);
    if (now - latest.issuedAt < PREPAY_LIFETIME_MS) return { order, prepayId: latest.id };
    const prepay = { id: newPrepayId(now), issuedAt: now };
    order.prepays.push(prepay);
    this.byPrepayId.set(prepay.id, order.key);
    await this.saved(order);
    return { order, prepayId: prepay.id };
  }

  private latestPrepay(order: OrderRecord) {
    const latest = order.prepays[order.prepays.length - 1];
    if (!latest) throw new Error(`order ${order.key} has no prepay_id`);
    return latest;
  }

  private index(order: OrderRecord): void {
    for (const prepay of order.prepays) this.byPrepayId.set(prepay.id, order.key);
    if (order.transactionId) this.byTransactionId.set(order.transactionId, order.key);
  }
}

function orderPaid(order: OrderRecord): WeChatError {
  return new WeChatError(
    403,
    'ORDERPAID',
    `Order ${order.outTradeNo} is paid; it cannot be paid, created again or closed (refund it instead).`,
  );
}
