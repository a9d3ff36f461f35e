import { newTransactionId } from '../lib/ids';
import { newB2bOrderId } from '../mini-program/ids';
import type { NotifyPlan } from '../notifications/notifier';
import type { B2bOrderRecord } from './b2b-order';
import type { B2bSignDataFields } from './sign-data';

export interface B2bOrderBookOptions {
  readonly orders: Map<string, B2bOrderRecord>;
  readonly now: () => number;
  readonly save: () => Promise<void>;
  readonly changed: (key: string) => void;
}

/** Told when an order is paid (its push listens). */
export type B2bPaidListener = (order: B2bOrderRecord, plan: NotifyPlan) => Promise<void> | void;

/**
 * B2b payment's orders, by mchid and out_trade_no: opened at the cashier (ORDER_PRE_PAY),
 * paid (ORDER_PAY_SUCC), closed by `/retail/B2b/closeb2border` (ORDER_CLOSE).
 */
export class B2bOrderBook {
  private readonly byOrderId = new Map<string, string>();
  private readonly paidListeners: B2bPaidListener[] = [];

  constructor(private readonly options: B2bOrderBookOptions) {
    for (const order of options.orders.values()) this.index(order);
  }

  find(mchid: string, outTradeNo: string): B2bOrderRecord | undefined {
    return this.options.orders.get(keyOf(mchid, outTradeNo));
  }

  findByOrderId(mchid: string, orderId: string): B2bOrderRecord | undefined {
    const key = this.byOrderId.get(keyOf(mchid, orderId));
    return key === undefined ? undefined : this.options.orders.get(key);
  }

  list(): B2bOrderRecord[] {
    return [...this.options.orders.values()];
  }

  /** The cashier opened the order (ORDER_PRE_PAY); opening the same one again finds it. */
  async open(input: {
    readonly appid: string;
    readonly openid: string;
    readonly signData: string;
    readonly fields: B2bSignDataFields;
  }): Promise<B2bOrderRecord> {
    const { fields } = input;
    const existing = this.find(fields.mchid, fields.outTradeNo);
    if (existing) return existing;
    const now = this.options.now();
    const order: B2bOrderRecord = {
      key: keyOf(fields.mchid, fields.outTradeNo),
      mchid: fields.mchid,
      appid: input.appid,
      outTradeNo: fields.outTradeNo,
      openid: input.openid,
      env: fields.env,
      signData: input.signData,
      description: fields.description,
      amount: fields.orderAmount,
      attach: fields.attach,
      payStatus: 'ORDER_PRE_PAY',
      createdAt: now,
      updatedAt: now,
    };
    this.options.orders.set(order.key, order);
    await this.saved(order);
    return order;
  }

  onPaid(listener: B2bPaidListener): void {
    this.paidListeners.push(listener);
  }

  /** The user paid: ORDER_PAY_SUCC, B2b's and WeChat Pay's ids, then the push. */
  async pay(order: B2bOrderRecord, plan: NotifyPlan): Promise<void> {
    const now = this.options.now();
    order.payStatus = 'ORDER_PAY_SUCC';
    order.orderId = newB2bOrderId(now);
    order.transactionId = newTransactionId(now);
    order.paidAt = now;
    this.index(order);
    await this.saved(order);
    for (const listener of this.paidListeners) await listener(order, plan);
  }

  /**
   * The merchant closed the order: ORDER_CLOSE, so that the cashier refuses it. An
   * out_trade_no no cashier opened yet is kept closed as well. Answers 'paid' for a paid order.
   */
  async close(
    mchid: string,
    outTradeNo: string,
    reservation: { readonly appid: string },
  ): Promise<'closed' | 'paid'> {
    const order = this.find(mchid, outTradeNo);
    if (order && order.payStatus !== 'ORDER_INIT' && order.payStatus !== 'ORDER_PRE_PAY') {
      return order.payStatus === 'ORDER_CLOSE' ? 'closed' : 'paid';
    }
    if (order) {
      order.payStatus = 'ORDER_CLOSE';
      await this.saved(order);
      return 'closed';
    }
    const now = this.options.now();
    const reserved: B2bOrderRecord = {
      key: keyOf(mchid, outTradeNo),
      mchid,
      appid: reservation.appid,
      outTradeNo,
      openid: '',
      env: 0,
      signData: '',
      description: '',
      amount: 0,
      attach: '',
      payStatus: 'ORDER_CLOSE',
      createdAt: now,
      updatedAt: now,
    };
    this.options.orders.set(reserved.key, reserved);
    await this.saved(reserved);
    return 'closed';
  }

  /** Records a change made in place (the cashier's answer). */
  saved(order: B2bOrderRecord): Promise<void> {
    order.updatedAt = this.options.now();
    this.options.changed(order.key);
    return this.options.save();
  }

  private index(order: B2bOrderRecord): void {
    if (order.orderId) this.byOrderId.set(keyOf(order.mchid, order.orderId), order.key);
  }
}

function keyOf(mchid: string, id: string): string {
  return `${mchid}|${id}`;
}
