import { findProduct, type Product } from '../catalogue';
import { ApiError } from '../httpErrors';
import { newOrderId, rfc3339Beijing } from '../ids';
import {
  type OrderState,
  orderStateOfTradeState,
  orderStateOfVirtualStatus,
  type TradeState,
  VIRTUAL_STATUS_NAMES,
  type VirtualOrderStatus,
} from '../orderState';
import type { RefundResource, Transaction } from '../platform/transaction';
import type { MerchantOrder, MerchantPaymentOrder, MerchantVirtualOrder } from '../state';
import type { MerchantContext } from './context';
import {
  buildSignData,
  PAYMENT_PROFILES,
  type PreparedOrder,
  signPaymentParams,
  signSchemeOf,
  signVirtualParams,
  VIRTUAL_PROFILES,
} from './preparedOrder';

/** The answer of `GET /api/orders/:orderId`. */
export interface OrderStatusView {
  readonly orderId: string;
  readonly state: OrderState;
  /** trade_state for payments; the virtual order status name (PAID, DELIVERED, ...) otherwise. */
  readonly tradeState: string;
  readonly amount: number;
  readonly paidAt?: string;
  readonly transactionId?: string;
}

export interface CreateOrderInput {
  readonly productId: string;
  readonly quantity: number;
  readonly openid: string | undefined;
  readonly profile: string | undefined;
}

/** How a notification or query result was taken. */
export type ApplyOutcome =
  | { readonly kind: 'applied' | 'unchanged' | 'duplicate' }
  | { readonly kind: 'rejected'; readonly status: number; readonly message: string };

/** A virtual order's state as a delivery push or `/xpay/query_order` reports it. */
export interface VirtualPaymentReport {
  readonly outTradeNo: string;
  readonly openid: string;
  readonly status: VirtualOrderStatus;
  /** Total in fen; undefined when the report carries no amount (refund push). */
  readonly total: number | undefined;
  readonly productId?: string;
  readonly transactionId?: string;
  /** Unix seconds. */
  readonly paidTime?: number;
}

const MAX_REMEMBERED_NOTIFICATIONS = 20;

/** The merchant's orders: creation, the state machine, and what notifications may change. */
export class OrderBook {
  constructor(private readonly context: MerchantContext) {}

  find(orderId: string): MerchantOrder | undefined {
    return this.context.state.orders.get(orderId);
  }

  require(orderId: string): MerchantOrder {
    const order = this.find(orderId);
    if (!order) throw new ApiError(404, 'ORDER_NOT_FOUND', `no order ${orderId}`);
    return order;
  }

  stateOf(order: MerchantOrder): OrderState {
    return order.kind === 'payment'
      ? orderStateOfTradeState(order.tradeState)
      : orderStateOfVirtualStatus(order.virtualStatus);
  }

  view(order: MerchantOrder): OrderStatusView {
    return {
      orderId: order.orderId,
      state: this.stateOf(order),
      tradeState:
        order.kind === 'payment' ? order.tradeState : VIRTUAL_STATUS_NAMES[order.virtualStatus],
      amount: order.amount,
      ...(order.paidAt ? { paidAt: order.paidAt } : {}),
      ...(order.transactionId ? { transactionId: order.transactionId } : {}),
    };
  }

  async create(input: CreateOrderInput): Promise<PreparedOrder> {
    const product = findProduct(input.productId);
    if (!product) {
      throw new ApiError(404, 'PRODUCT_NOT_FOUND', `no product ${input.productId}`);
    }
    return product.kind === 'goods'
      ? this.createPaymentOrder(product, input)
      : this.createVirtualOrder(product, input);
  }

  /** Applies a Transaction from a notification or a query. */
  async applyTransaction(
    transaction: Transaction,
    origin: 'notify' | 'query',
    notificationId?: string,
  ): Promise<ApplyOutcome> {
    const order = this.find(transaction.out_trade_no);
    if (order?.kind !== 'payment') {
      return rejected(404, `unknown out_trade_no ${transaction.out_trade_no}`);
    }
    const { config } = this.context;
    if (transaction.appid !== config.appId || transaction.mchid !== config.mchId) {
      return rejected(400, 'appid or mchid is not this merchant');
    }
    if (isDuplicate(order, notificationId)) return { kind: 'duplicate' };
    if (
      transaction.amount.total !== order.amount ||
      transaction.amount.currency !== order.currency
    ) {
      return rejected(400, 'amount does not match the order');
    }
    if (transaction.payer.openid !== order.openid) {
      return rejected(400, 'payer does not match the order');
    }
    if (!paymentTransitionAllowed(order.tradeState, transaction.trade_state)) {
      return this.unchanged(order, notificationId);
    }
    order.tradeState = transaction.trade_state;
    if (transaction.trade_state === 'SUCCESS') {
      order.transactionId = transaction.transaction_id;
      order.paidAt = transaction.success_time;
    }
    order.confirmedBy = origin;
    return this.changed(order, notificationId);
  }

  /** Applies a REFUND.SUCCESS notification (full refunds only move the order to refunded). */
  async applyRefund(refund: RefundResource, notificationId: string): Promise<ApplyOutcome> {
    const order = this.find(refund.out_trade_no);
    if (order?.kind !== 'payment')
      return rejected(404, `unknown out_trade_no ${refund.out_trade_no}`);
    if (refund.mchid !== this.context.config.mchId)
      return rejected(400, 'mchid is not this merchant');
    if (isDuplicate(order, notificationId)) return { kind: 'duplicate' };
    if (refund.amount.total !== order.amount || refund.transaction_id !== order.transactionId) {
      return rejected(400, 'refund does not match the order');
    }
    if (
      refund.amount.refund !== order.amount ||
      !paymentTransitionAllowed(order.tradeState, 'REFUND')
    ) {
      return this.unchanged(order, notificationId);
    }
    order.tradeState = 'REFUND';
    return this.changed(order, notificationId);
  }

  /** Applies a delivery/refund push or a `/xpay/query_order` result. */
  async applyVirtualReport(
    report: VirtualPaymentReport,
    origin: 'notify' | 'query',
    notificationId?: string,
  ): Promise<ApplyOutcome> {
    const order = this.find(report.outTradeNo);
    if (order?.kind !== 'virtual') return rejected(404, `unknown OutTradeNo ${report.outTradeNo}`);
    if (report.openid !== order.openid) return rejected(400, 'OpenId does not match the order');
    if (isDuplicate(order, notificationId)) return { kind: 'duplicate' };
    if (report.total !== undefined && report.total !== order.amount) {
      return rejected(400, 'price does not match the order');
    }
    if (report.productId !== undefined && report.productId !== order.productId) {
      return rejected(400, 'ProductId does not match the order');
    }
    if (!virtualTransitionAllowed(order.virtualStatus, report.status)) {
      return this.unchanged(order, notificationId);
    }
    const wasPaid = this.stateOf(order) === 'paid';
    order.virtualStatus = report.status;
    if (!wasPaid && this.stateOf(order) === 'paid') {
      order.transactionId = report.transactionId;
      if (report.paidTime !== undefined) order.paidAt = rfc3339Beijing(report.paidTime * 1000);
      order.confirmedBy = origin;
    }
    return this.changed(order, notificationId);
  }

  /** Asks the platform, as a merchant does when a notification is late. */
  async queryPlatform(order: MerchantOrder): Promise<void> {
    const { platform } = this.context;
    if (order.kind === 'payment') {
      const transaction = platform.wechatPay.query(order.orderId);
      if (transaction) await this.applyTransaction(transaction, 'query');
      return;
    }
    const result = platform.virtualPayment.query(order.orderId);
    if (result) {
      await this.applyVirtualReport(
        {
          outTradeNo: result.outTradeNo,
          openid: result.openid,
          status: result.status,
          total: result.total,
          ...(result.transactionId ? { transactionId: result.transactionId } : {}),
          ...(result.paidTime ? { paidTime: result.paidTime } : {}),
        },
        'query',
      );
    }
  }

  /** Closes an unpaid order at the platform, after one last query. */
  async close(order: MerchantOrder): Promise<OrderStatusView> {
    await this.queryPlatform(order);
    const state = this.stateOf(order);
    if (state === 'closed') return this.view(order);
    if (state === 'paid' || state === 'refunded') {
      throw new ApiError(409, 'ORDER_ALREADY_PAID', `order ${order.orderId} is ${state}`);
    }
    const { platform } = this.context;
    const outcome =
      order.kind === 'payment'
        ? await platform.wechatPay.close(order.orderId)
        : await platform.virtualPayment.close(order.orderId, order);
    if (outcome === 'paid') {
      await this.queryPlatform(order);
      throw new ApiError(409, 'ORDER_ALREADY_PAID', `order ${order.orderId} was paid meanwhile`);
    }
    if (order.kind === 'payment') order.tradeState = 'CLOSED';
    else order.virtualStatus = 6;
    order.confirmedBy = 'merchant';
    await this.changed(order, undefined);
    return this.view(order);
  }

  private async createPaymentOrder(
    product: Extract<Product, { kind: 'goods' }>,
    input: CreateOrderInput,
  ): Promise<PreparedOrder> {
    const profile = pickProfile(input.profile, PAYMENT_PROFILES, product.id);
    const { config, keys, platform } = this.context;
    const openid = input.openid ?? (await this.demoUser());
    const orderId = newOrderId(config.now());
    const amount = product.price * input.quantity;
    const prepayId = await platform.wechatPay.createJsapiOrder({
      appid: config.appId,
      mchid: config.mchId,
      description: product.name,
      outTradeNo: orderId,
      total: amount,
      currency: product.currency,
      payerOpenid: openid,
      signScheme: signSchemeOf(profile),
    });
    const order: MerchantPaymentOrder = {
      kind: 'payment',
      orderId,
      productId: product.id,
      quantity: input.quantity,
      amount,
      currency: product.currency,
      openid,
      profile,
      prepayId,
      tradeState: 'NOTPAY',
      createdAt: config.now(),
      appliedNotificationIds: [],
    };
    await this.save(order);
    const params = signPaymentParams({
      profile,
      appId: config.appId,
      prepayId,
      nowMs: config.now(),
      merchantPrivateKey: keys.merchantPrivateKey,
      v2ApiKey: keys.material.v2ApiKey,
    });
    return { orderId, kind: 'payment', params, amount };
  }

  private async createVirtualOrder(
    product: Extract<Product, { kind: 'coins' | 'item' }>,
    input: CreateOrderInput,
  ): Promise<PreparedOrder> {
    const profile = pickProfile(input.profile, VIRTUAL_PROFILES, product.id);
    const { config, keys, platform } = this.context;
    const openid = input.openid ?? (await this.demoUser());
    const sessionKey = platform.login.sessionKeyOf(openid);
    if (sessionKey === undefined) {
      throw new ApiError(
        401,
        'NO_SESSION',
        `openid ${openid} has no session_key; log in first (POST /api/login)`,
      );
    }
    const orderId = newOrderId(config.now());
    const env = config.virtualPaymentEnv;
    const signData = buildSignData({
      product,
      quantity: input.quantity,
      orderId,
      offerId: config.offerId,
      env,
      profile,
    });
    const amount = product.price * input.quantity;
    const order: MerchantVirtualOrder = {
      kind: 'virtual',
      orderId,
      productId: product.id,
      quantity: input.quantity,
      amount,
      currency: product.currency,
      openid,
      profile,
      mode: product.mode,
      env,
      signData,
      virtualStatus: 0,
      createdAt: config.now(),
      appliedNotificationIds: [],
    };
    await this.save(order);
    const params = signVirtualParams({
      profile,
      mode: product.mode,
      signData,
      appKey: keys.appKeyForEnv(env),
      sessionKey,
    });
    return { orderId, kind: 'virtual', params, amount };
  }

  private async demoUser(): Promise<string> {
    const session = await this.context.platform.login.ensureSession(
      this.context.config.defaultOpenid,
    );
    return session.openid;
  }

  private async save(order: MerchantOrder): Promise<void> {
    this.context.state.orders.set(order.orderId, order);
    await this.context.commit();
  }

  private async unchanged(
    order: MerchantOrder,
    notificationId: string | undefined,
  ): Promise<ApplyOutcome> {
    if (notificationId !== undefined) {
      remember(order, notificationId);
      await this.context.commit();
    }
    return { kind: 'unchanged' };
  }

  private async changed(
    order: MerchantOrder,
    notificationId: string | undefined,
  ): Promise<ApplyOutcome> {
    if (notificationId !== undefined) remember(order, notificationId);
    await this.context.commit();
    this.context.waiters.notifyChanged(order.orderId);
    return { kind: 'applied' };
  }
}

function pickProfile<P extends string>(
  requested: string | undefined,
  allowed: readonly P[],
  productId: string,
): P {
  const profile = requested ?? allowed[0];
  if (!allowed.includes(profile as P)) {
    throw new ApiError(
      400,
      'PROFILE_NOT_APPLICABLE',
      `profile ${String(requested)} does not apply to ${productId}; use one of ${allowed.join(', ')}`,
    );
  }
  return profile as P;
}

function rejected(status: number, message: string): ApplyOutcome {
  return { kind: 'rejected', status, message };
}

function isDuplicate(order: MerchantOrder, notificationId: string | undefined): boolean {
  return notificationId !== undefined && order.appliedNotificationIds.includes(notificationId);
}

function remember(order: MerchantOrder, notificationId: string): void {
  order.appliedNotificationIds.push(notificationId);
  if (order.appliedNotificationIds.length > MAX_REMEMBERED_NOTIFICATIONS) {
    order.appliedNotificationIds.shift();
  }
}

/** Pending states move anywhere; paid only to refunded; failed only to closed; the rest are final. */
export function paymentTransitionAllowed(from: TradeState, to: TradeState): boolean {
  if (from === to) return false;
  if (orderStateOfTradeState(from) === 'pending') return true;
  if (from === 'SUCCESS') return to === 'REFUND';
  if (from === 'PAYERROR') return to === 'CLOSED';
  return false;
}

/** Pending moves anywhere; paid moves forward (delivering, delivered, refunded); the rest are final. */
export function virtualTransitionAllowed(
  from: VirtualOrderStatus,
  to: VirtualOrderStatus,
): boolean {
  if (from === to) return false;
  const fromState = orderStateOfVirtualStatus(from);
  if (fromState === 'pending') return true;
  if (fromState === 'paid') return to > from && to !== 6;
  return false;
}
