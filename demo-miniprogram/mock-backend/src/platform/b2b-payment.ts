import { newB2bOrderId, unixSeconds } from '../domain/ids';
import type { PlatformB2bOrder } from '../storage/state';
import type { B2bSignDataFields } from './b2b-sign-data';
import { b2bPushDelivery } from './notifications/b2b-push';
import type { NotifyPlan, PlatformContext } from './platform-context';

/** What `/retail/B2b/getorder` answers, reduced. */
export interface B2bOrderQueryResult {
  readonly outTradeNo: string;
  readonly mchid: string;
  readonly openid: string;
  readonly env: 0 | 1;
  readonly payStatus: PlatformB2bOrder['payStatus'];
  readonly amount: number;
  readonly orderId?: string;
  readonly payTime?: number;
}

/** The simulated B2b payment: orders opened at the cashier from signData, the payment push. */
export class SimulatedB2bPayment {
  constructor(private readonly context: PlatformContext) {}

  find(outTradeNo: string): PlatformB2bOrder | undefined {
    return this.context.state.b2bOrders.get(outTradeNo);
  }

  /** The cashier opened the order (ORDER_PRE_PAY); reopening the same one is a no-op. */
  async open(input: {
    readonly openid: string;
    readonly signData: string;
    readonly fields: B2bSignDataFields;
  }): Promise<PlatformB2bOrder> {
    const existing = this.find(input.fields.outTradeNo);
    if (existing) return existing;
    const { fields } = input;
    const order: PlatformB2bOrder = {
      outTradeNo: fields.outTradeNo,
      mchid: fields.mchid,
      openid: input.openid,
      env: fields.env,
      signData: input.signData,
      description: fields.description,
      amount: fields.orderAmount,
      attach: fields.attach,
      createdAt: this.context.config.now(),
      payStatus: 'ORDER_PRE_PAY',
    };
    this.context.state.b2bOrders.set(order.outTradeNo, order);
    await this.context.commit();
    return order;
  }

  /** The user paid: ORDER_PAY_SUCC, then the `retail_pay_notify` message push. */
  async recordSuccess(order: PlatformB2bOrder, plan: NotifyPlan): Promise<void> {
    const now = this.context.config.now();
    order.payStatus = 'ORDER_PAY_SUCC';
    order.orderId = newB2bOrderId();
    order.payTime = unixSeconds(now);
    await this.context.commit();
    const delivery = b2bPushDelivery(this.context, order);
    if (plan.drop) this.context.notifier.drop(delivery);
    else this.context.notifier.schedule(delivery, plan.delayMs);
  }

  /** `/retail/B2b/getorder`. */
  query(outTradeNo: string): B2bOrderQueryResult | undefined {
    const order = this.find(outTradeNo);
    if (!order) return undefined;
    return {
      outTradeNo: order.outTradeNo,
      mchid: order.mchid,
      openid: order.openid,
      env: order.env,
      payStatus: order.payStatus,
      amount: order.amount,
      ...(order.orderId ? { orderId: order.orderId } : {}),
      ...(order.payTime ? { payTime: order.payTime } : {}),
    };
  }

  /**
   * The merchant gave up on the order: ORDER_CLOSE, so the cashier refuses it (an order the
   * cashier never opened is reserved as closed). Refused once paid.
   */
  async close(
    outTradeNo: string,
    reservation: { readonly openid: string; readonly env: 0 | 1; readonly mchid: string },
  ): Promise<'closed' | 'paid'> {
    const order = this.find(outTradeNo);
    if (order && order.payStatus !== 'ORDER_INIT' && order.payStatus !== 'ORDER_PRE_PAY') {
      return order.payStatus === 'ORDER_CLOSE' ? 'closed' : 'paid';
    }
    if (order) order.payStatus = 'ORDER_CLOSE';
    else {
      this.context.state.b2bOrders.set(outTradeNo, {
        outTradeNo,
        ...reservation,
        signData: '',
        description: '',
        amount: 0,
        attach: '',
        createdAt: this.context.config.now(),
        payStatus: 'ORDER_CLOSE',
      });
    }
    await this.context.commit();
    return 'closed';
  }
}
