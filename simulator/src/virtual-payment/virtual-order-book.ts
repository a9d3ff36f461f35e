import { newTransactionId } from '../lib/ids';
import { newWxOrderId, newWxRefundId, newXpayMchOrderNo } from '../mini-program/ids';
import type { NotifyPlan } from '../notifications/notifier';
import type { SignDataCheck } from './sign-data';
import type { VirtualMode, VirtualOrderRecord, VirtualRefund } from './virtual-order';

export interface VirtualOrderBookOptions {
  readonly orders: Map<string, VirtualOrderRecord>;
  readonly now: () => number;
  readonly save: () => Promise<void>;
  readonly changed: (key: string) => void;
}

/** What the cashier opens an order from. */
export interface OpenVirtualOrder {
  readonly mchid: string;
  readonly offerId: string;
  readonly appid: string;
  readonly openid: string;
  readonly mode: VirtualMode;
  readonly signData: string;
  readonly checked: Extract<SignDataCheck, { ok: true }>;
}

/** What a refund asks. */
export interface RefundVirtualOrder {
  readonly refundOrderId: string;
  readonly fee: number;
  readonly bizMeta: string;
  readonly reason: string;
  readonly from: string;
}

/** Told when an order is paid or refunded (its pushes listen). */
export type VirtualListener = (
  order: VirtualOrderRecord,
  plan: NotifyPlan,
  refund?: VirtualRefund,
) => Promise<void> | void;

/**
 * Virtual payment's orders, by merchant and outTradeNo: opened at the cashier (status 1),
 * paid (2), delivered (4) once the merchant acknowledged the delivery push or called
 * notify_provide_goods, refunded (5) by `/xpay/refund_order`.
 */
export class VirtualOrderBook {
  private readonly byId = new Map<string, string>();
  private readonly paidListeners: VirtualListener[] = [];
  private readonly refundListeners: VirtualListener[] = [];

  constructor(private readonly options: VirtualOrderBookOptions) {
    for (const order of options.orders.values()) this.index(order);
  }

  find(mchid: string, outTradeNo: string): VirtualOrderRecord | undefined {
    return this.options.orders.get(keyOf(mchid, outTradeNo));
  }

  /** By WeChat's order id, or a refund's order id (`refund_order_id`) or WeChat refund id. */
  findById(mchid: string, id: string): VirtualOrderRecord | undefined {
    const key = this.byId.get(keyOf(mchid, id));
    return key === undefined ? undefined : this.options.orders.get(key);
  }

  list(): VirtualOrderRecord[] {
    return [...this.options.orders.values()];
  }

  /** The cashier opened the order (status 1); opening the same one again finds it. */
  async open(input: OpenVirtualOrder): Promise<VirtualOrderRecord> {
    const { fields, unitPrice, total } = input.checked;
    const existing = this.find(input.mchid, fields.outTradeNo);
    if (existing) return existing;
    const now = this.options.now();
    const order: VirtualOrderRecord = {
      key: keyOf(input.mchid, fields.outTradeNo),
      mchid: input.mchid,
      offerId: input.offerId,
      appid: input.appid,
      outTradeNo: fields.outTradeNo,
      openid: input.openid,
      env: fields.env,
      mode: input.mode,
      signData: input.signData,
      productId: fields.productId,
      buyQuantity: fields.buyQuantity,
      unitPrice,
      total,
      attach: fields.attach,
      wxOrderId: newWxOrderId(now),
      status: 1,
      leftFee: 0,
      refunds: [],
      createdAt: now,
      updatedAt: now,
    };
    this.options.orders.set(order.key, order);
    this.index(order);
    await this.saved(order);
    return order;
  }

  onPaid(listener: VirtualListener): void {
    this.paidListeners.push(listener);
  }

  onRefunded(listener: VirtualListener): void {
    this.refundListeners.push(listener);
  }

  /** The user paid: status 2, WeChat Pay's ids, then the listeners (the delivery push). */
  async pay(order: VirtualOrderRecord, plan: NotifyPlan): Promise<void> {
    const now = this.options.now();
    order.status = 2;
    order.transactionId = newTransactionId(now);
    order.mchOrderNo = newXpayMchOrderNo();
    order.paidAt = now;
    order.leftFee = order.total;
    await this.saved(order);
    for (const listener of this.paidListeners) await listener(order, plan);
  }

  /** The merchant delivered (acknowledged the push, or said so): 2 or 3 becomes 4. */
  async markDelivered(order: VirtualOrderRecord): Promise<void> {
    if (order.status !== 2 && order.status !== 3) return;
    order.status = 4;
    order.deliveredAt = this.options.now();
    await this.saved(order);
  }

  /** Refunds `fee` of a paid order: status 5, then the listeners (the refund push). */
  async refund(
    order: VirtualOrderRecord,
    input: RefundVirtualOrder,
    plan: NotifyPlan,
  ): Promise<VirtualRefund> {
    const now = this.options.now();
    const refund: VirtualRefund = { ...input, wxRefundId: newWxRefundId(now), at: now };
    order.refunds.push(refund);
    order.leftFee -= input.fee;
    order.status = 5;
    this.byId.set(keyOf(order.mchid, refund.refundOrderId), order.key);
    this.byId.set(keyOf(order.mchid, refund.wxRefundId), order.key);
    await this.saved(order);
    for (const listener of this.refundListeners) await listener(order, plan, refund);
    return refund;
  }

  /** Records a change made in place (the cashier's answer). */
  saved(order: VirtualOrderRecord): Promise<void> {
    order.updatedAt = this.options.now();
    this.options.changed(order.key);
    return this.options.save();
  }

  private index(order: VirtualOrderRecord): void {
    this.byId.set(keyOf(order.mchid, order.wxOrderId), order.key);
    for (const refund of order.refunds) {
      this.byId.set(keyOf(order.mchid, refund.refundOrderId), order.key);
      this.byId.set(keyOf(order.mchid, refund.wxRefundId), order.key);
    }
  }
}

function keyOf(mchid: string, id: string): string {
  return `${mchid}|${id}`;
}
