import { newTransactionId, randomString, unixSeconds } from '../domain/ids';
import type { PlatformVirtualOrder, VirtualMode } from '../storage/state';
import { virtualPushDelivery } from './notifications/virtual-push';
import type { NotifyPlan, PlatformContext } from './platform-context';
import type { SignDataFields } from './sign-data';

/** What `/xpay/query_order` answers, reduced. */
export interface VirtualOrderQueryResult {
  readonly outTradeNo: string;
  readonly status: PlatformVirtualOrder['status'];
  readonly openid: string;
  readonly env: 0 | 1;
  readonly mode: VirtualMode;
  readonly total: number;
  readonly transactionId?: string;
  readonly paidTime?: number;
}

/** The simulated virtual payment service: orders opened at the cashier, delivery pushes. */
export class SimulatedVirtualPayment {
  constructor(private readonly context: PlatformContext) {}

  find(outTradeNo: string): PlatformVirtualOrder | undefined {
    return this.context.state.virtualOrders.get(outTradeNo);
  }

  /** The cashier opened an order (status 1, created); reopening the same one is a no-op. */
  async open(input: {
    readonly openid: string;
    readonly mode: VirtualMode;
    readonly signData: string;
    readonly fields: SignDataFields;
    readonly unitPrice: number;
    readonly total: number;
  }): Promise<PlatformVirtualOrder> {
    const existing = this.find(input.fields.outTradeNo);
    if (existing) return existing;
    const order: PlatformVirtualOrder = {
      outTradeNo: input.fields.outTradeNo,
      openid: input.openid,
      env: input.fields.env,
      mode: input.mode,
      signData: input.signData,
      productId: input.fields.productId,
      buyQuantity: input.fields.buyQuantity,
      unitPrice: input.unitPrice,
      total: input.total,
      attach: input.fields.attach,
      createdAt: this.context.config.now(),
      status: 1,
    };
    this.context.state.virtualOrders.set(order.outTradeNo, order);
    await this.context.commit();
    return order;
  }

  /** The user paid: status 2, then the delivery push; an acknowledged goods push means delivered (4). */
  async recordSuccess(order: PlatformVirtualOrder, plan: NotifyPlan): Promise<void> {
    const now = this.context.config.now();
    order.status = 2;
    order.transactionId = newTransactionId(now);
    order.mchOrderNo = `xpay${randomString(24, '0123456789')}`;
    order.paidTime = unixSeconds(now);
    await this.context.commit();
    const isGoods = order.mode === 'short_series_goods';
    const delivery = virtualPushDelivery(
      this.context,
      isGoods ? 'xpay_goods_deliver_notify' : 'xpay_coin_pay_notify',
      order,
      isGoods ? () => this.markDelivered(order) : undefined,
    );
    if (plan.drop) this.context.notifier.drop(delivery);
    else this.context.notifier.schedule(delivery, plan.delayMs);
  }

  /** `/xpay/query_order`. */
  query(outTradeNo: string): VirtualOrderQueryResult | undefined {
    const order = this.find(outTradeNo);
    if (!order) return undefined;
    return {
      outTradeNo: order.outTradeNo,
      status: order.status,
      openid: order.openid,
      env: order.env,
      mode: order.mode,
      total: order.total,
      ...(order.transactionId ? { transactionId: order.transactionId } : {}),
      ...(order.paidTime ? { paidTime: order.paidTime } : {}),
    };
  }

  /**
   * The merchant gave up on an order: the outTradeNo is closed (status 6) so the cashier will
   * refuse it. Refused once paid.
   */
  async close(
    outTradeNo: string,
    reservation: { readonly openid: string; readonly env: 0 | 1; readonly mode: VirtualMode },
  ): Promise<'closed' | 'paid'> {
    const order = this.find(outTradeNo);
    if (order && order.status >= 2 && order.status !== 6) return 'paid';
    if (order) order.status = 6;
    else {
      this.context.state.virtualOrders.set(outTradeNo, {
        outTradeNo,
        openid: reservation.openid,
        env: reservation.env,
        mode: reservation.mode,
        signData: '',
        productId: undefined,
        buyQuantity: 0,
        unitPrice: 0,
        total: 0,
        attach: '',
        createdAt: this.context.config.now(),
        status: 6,
      });
    }
    await this.context.commit();
    return 'closed';
  }

  /** A full refund (status 5), then an `xpay_refund_notify` push. */
  async refund(outTradeNo: string, plan: NotifyPlan): Promise<'refunded' | 'not-paid' | 'unknown'> {
    const order = this.find(outTradeNo);
    if (!order) return 'unknown';
    if (order.status < 2 || order.status > 4) return 'not-paid';
    order.status = 5;
    await this.context.commit();
    this.context.journal.record(outTradeNo, {
      type: 'refund',
      amount: order.total,
      currency: 'CNY',
    });
    const delivery = virtualPushDelivery(this.context, 'xpay_refund_notify', order);
    if (plan.drop) this.context.notifier.drop(delivery);
    else this.context.notifier.schedule(delivery, plan.delayMs);
    return 'refunded';
  }

  private markDelivered(order: PlatformVirtualOrder): void {
    if (order.status === 2 || order.status === 3) {
      order.status = 4;
      void this.context.commit().catch(() => undefined);
    }
  }
}
