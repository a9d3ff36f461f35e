import { newPrepayId, newTransactionId, randomString, rfc3339Beijing } from '../domain/ids';
import type { PlatformPayment } from '../storage/state';
import { payNotificationDelivery } from './notifications/pay-notification';
import type { NotifyPlan, PlatformContext } from './platform-context';
import { type RefundResource, type Transaction, transactionOf } from './transaction';

/** A prepay_id is valid this long. */
export const PREPAY_ID_LIFETIME_MS = 2 * 60 * 60 * 1000;

/** The body of `POST /v3/pay/transactions/jsapi`, reduced to what matters here. */
export interface JsapiOrderRequest {
  readonly appid: string;
  readonly mchid: string;
  readonly description: string;
  readonly outTradeNo: string;
  readonly total: number;
  readonly currency: string;
  readonly payerOpenid: string;
  readonly signScheme: 'v3' | 'v2';
  /** For a plugin's order: what its functional page will be given. */
  readonly plugin?: PlatformPayment['plugin'];
}

/** The simulated WeChat Pay: JSAPI orders, query, close, payment, refund and notifications. */
export class SimulatedWeChatPay {
  constructor(private readonly context: PlatformContext) {}

  /** `POST /v3/pay/transactions/jsapi` -> prepay_id. */
  async createJsapiOrder(request: JsapiOrderRequest): Promise<string> {
    const { state, config } = this.context;
    const prepayId = newPrepayId(config.now());
    const payment: PlatformPayment = {
      prepayId,
      outTradeNo: request.outTradeNo,
      appid: request.appid,
      mchid: request.mchid,
      description: request.description,
      total: request.total,
      currency: request.currency,
      payerOpenid: request.payerOpenid,
      signScheme: request.signScheme,
      ...(request.plugin ? { plugin: request.plugin } : {}),
      createdAt: config.now(),
      tradeState: 'NOTPAY',
    };
    state.payments.set(payment.outTradeNo, payment);
    state.prepayIndex.set(prepayId, payment.outTradeNo);
    await this.context.commit();
    return prepayId;
  }

  findByPrepayId(prepayId: string): PlatformPayment | undefined {
    const outTradeNo = this.context.state.prepayIndex.get(prepayId);
    return outTradeNo === undefined ? undefined : this.context.state.payments.get(outTradeNo);
  }

  find(outTradeNo: string): PlatformPayment | undefined {
    return this.context.state.payments.get(outTradeNo);
  }

  isExpired(payment: PlatformPayment): boolean {
    return this.context.config.now() - payment.createdAt >= PREPAY_ID_LIFETIME_MS;
  }

  /** `GET /v3/pay/transactions/out-trade-no/{no}`. */
  query(outTradeNo: string): Transaction | undefined {
    const payment = this.context.state.payments.get(outTradeNo);
    return payment ? transactionOf(payment) : undefined;
  }

  /** `POST .../out-trade-no/{no}/close`: refused once paid. */
  async close(outTradeNo: string): Promise<'closed' | 'paid' | 'unknown'> {
    const payment = this.context.state.payments.get(outTradeNo);
    if (!payment) return 'unknown';
    if (payment.tradeState === 'SUCCESS' || payment.tradeState === 'REFUND') return 'paid';
    payment.tradeState = 'CLOSED';
    await this.context.commit();
    return 'closed';
  }

  /** The cashier reported a failed payment (no notification is sent for failures). */
  async recordFailure(payment: PlatformPayment): Promise<void> {
    payment.tradeState = 'PAYERROR';
    await this.context.commit();
  }

  /** The user paid: record the transaction, then notify the merchant as planned. */
  async recordSuccess(payment: PlatformPayment, plan: NotifyPlan): Promise<void> {
    const now = this.context.config.now();
    payment.tradeState = 'SUCCESS';
    payment.transactionId = newTransactionId(now);
    payment.successTime = rfc3339Beijing(now);
    await this.context.commit();
    this.notify(
      payNotificationDelivery(
        this.context,
        'payment',
        payment.outTradeNo,
        'TRANSACTION.SUCCESS',
        transactionOf(payment),
      ),
      plan,
    );
  }

  /** A full refund of a paid transaction, then a REFUND.SUCCESS notification. */
  async refund(outTradeNo: string, plan: NotifyPlan): Promise<'refunded' | 'not-paid' | 'unknown'> {
    const payment = this.context.state.payments.get(outTradeNo);
    if (!payment) return 'unknown';
    if (payment.tradeState !== 'SUCCESS' || payment.transactionId === undefined) return 'not-paid';
    payment.tradeState = 'REFUND';
    await this.context.commit();
    this.context.journal.record(outTradeNo, {
      type: 'refund',
      amount: payment.total,
      currency: payment.currency,
    });
    const now = this.context.config.now();
    const resource: RefundResource = {
      mchid: payment.mchid,
      out_trade_no: payment.outTradeNo,
      transaction_id: payment.transactionId,
      out_refund_no: `R${payment.outTradeNo}`.slice(0, 64),
      refund_id: `50000${randomString(25, '0123456789')}`,
      refund_status: 'SUCCESS',
      success_time: rfc3339Beijing(now),
      user_received_account: '支付用户零钱',
      amount: {
        total: payment.total,
        refund: payment.total,
        payer_total: payment.total,
        payer_refund: payment.total,
      },
    };
    this.notify(
      payNotificationDelivery(this.context, 'refund', outTradeNo, 'REFUND.SUCCESS', resource),
      plan,
    );
    return 'refunded';
  }

  private notify(delivery: ReturnType<typeof payNotificationDelivery>, plan: NotifyPlan): void {
    if (plan.drop) this.context.notifier.drop(delivery);
    else this.context.notifier.schedule(delivery, plan.delayMs);
  }
}
