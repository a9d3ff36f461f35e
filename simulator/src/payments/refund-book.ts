import type { Scheduler } from '../clock/scheduler';
import { paramError, WeChatError } from '../errors/wechat-error';
import { newRefundId } from '../lib/ids';
import type { NotifyPlan } from '../notifications/notifier';
import { isPaid, type OrderRecord } from './order';
import type { OrderBook } from './order-book';
import { type RefundOutcome, type RefundRecord, refundKey } from './refund';

/** What a refund request asks, checked for its shape. */
export interface NewRefund {
  readonly mchid: string;
  readonly subMchid: string | undefined;
  readonly outRefundNo: string;
  readonly reason: string | undefined;
  readonly notifyUrl: string | undefined;
  readonly refund: number;
  readonly total: number;
  readonly currency: string;
  readonly fingerprint: string;
}

export interface RefundBookOptions {
  readonly refunds: Map<string, RefundRecord>;
  readonly orders: OrderBook;
  readonly scheduler: Scheduler;
  readonly now: () => number;
  readonly save: () => Promise<void>;
  readonly changed: (id: string) => void;
  /** How long a refund stays PROCESSING before it succeeds (test clock). */
  readonly delayMs: number;
}

export type SettledListener = (refund: RefundRecord, plan: NotifyPlan) => Promise<void> | void;

const SETTLE_TASK = 'refund.settle';
const NOTIFY_NOW: NotifyPlan = { delayMs: 0, drop: false };

/**
 * Refunds of paid orders: accepted PROCESSING (the same out_refund_no with the same parameters
 * answers the same refund), then settled SUCCESS after `delayMs` on the test clock, or settled
 * by hand SUCCESS, ABNORMAL or CLOSED. A CLOSED refund's amount can be refunded again.
 */
export class RefundBook {
  private readonly settledListeners: SettledListener[] = [];

  constructor(private readonly options: RefundBookOptions) {
    options.scheduler.handle(SETTLE_TASK, async (data) => {
      const refund = options.refunds.get(String(data));
      if (refund?.status === 'PROCESSING') await this.settle(refund, 'SUCCESS', NOTIFY_NOW);
    });
  }

  async create(input: NewRefund, order: OrderRecord): Promise<RefundRecord> {
    const key = refundKey(input.mchid, input.subMchid, input.outRefundNo);
    const existing = this.options.refunds.get(key);
    if (existing) {
      if (existing.fingerprint === input.fingerprint) return existing;
      throw new WeChatError(
        400,
        'INVALID_REQUEST',
        `out_refund_no ${input.outRefundNo} was already used for a refund with other parameters; retry with exactly the same parameters, or use a new out_refund_no.`,
        { location: 'body', field: 'out_refund_no' },
      );
    }
    if (!isPaid(order) || order.transactionId === undefined) {
      throw new WeChatError(
        400,
        'INVALID_REQUEST',
        `Order ${order.outTradeNo} is not paid (trade_state ${order.tradeState}); only a paid order can be refunded.`,
      );
    }
    if (input.total !== order.total) {
      throw paramError(
        'amount.total',
        `amount.total ${input.total} is not the order's total (${order.total}).`,
      );
    }
    const refundable = order.total - this.refundedOf(order);
    if (input.refund > refundable) {
      throw new WeChatError(
        400,
        'INVALID_REQUEST',
        `amount.refund ${input.refund} is more than what order ${order.outTradeNo} has left to refund (${refundable}).`,
        { location: 'body', field: 'amount.refund' },
      );
    }
    const now = this.options.now();
    const refund: RefundRecord = {
      ...input,
      key,
      refundId: newRefundId(now),
      orderKey: order.key,
      outTradeNo: order.outTradeNo,
      transactionId: order.transactionId,
      status: 'PROCESSING',
      createdAt: now,
    };
    refund.settleTaskId = this.options.scheduler.schedule(
      SETTLE_TASK,
      now + this.options.delayMs,
      key,
    );
    this.options.refunds.set(key, refund);
    order.tradeState = 'REFUND';
    await this.options.orders.saved(order);
    await this.saved(refund);
    return refund;
  }

  find(mchid: string, subMchid: string | undefined, outRefundNo: string): RefundRecord | undefined {
    return this.options.refunds.get(refundKey(mchid, subMchid, outRefundNo));
  }

  list(): RefundRecord[] {
    return [...this.options.refunds.values()];
  }

  onSettled(listener: SettledListener): void {
    this.settledListeners.push(listener);
  }

  /** Ends a PROCESSING or ABNORMAL refund as `outcome`; refused for one already final. */
  async settle(refund: RefundRecord, outcome: RefundOutcome, plan: NotifyPlan): Promise<void> {
    if (refund.status !== 'PROCESSING' && refund.status !== 'ABNORMAL') {
      throw new WeChatError(
        400,
        'INVALID_REQUEST',
        `Refund ${refund.outRefundNo} is already ${refund.status}; only a PROCESSING or ABNORMAL refund can be settled.`,
      );
    }
    if (refund.settleTaskId) this.options.scheduler.cancel(refund.settleTaskId);
    refund.settleTaskId = undefined;
    refund.status = outcome;
    if (outcome === 'SUCCESS') refund.successAt = this.options.now();
    await this.saved(refund);
    for (const listener of this.settledListeners) await listener(refund, plan);
  }

  /** What the order's refunds take, CLOSED ones aside. */
  private refundedOf(order: OrderRecord): number {
    let refunded = 0;
    for (const refund of this.options.refunds.values()) {
      if (refund.orderKey === order.key && refund.status !== 'CLOSED') refunded += refund.refund;
    }
    return refunded;
  }

  private saved(refund: RefundRecord): Promise<void> {
    this.options.changed(refund.key);
    return this.options.save();
  }
}
