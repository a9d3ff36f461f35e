import type { TradeState, VirtualOrderStatus } from '../domain/order-state';

/** Which shape of payment parameters an order was prepared in (see the README). */
export type PaymentProfile = 'wechat-v3' | 'wechat-v2-md5' | 'wechat-v2-hmac' | 'psp';
export type VirtualProfile = 'wechat' | 'tcmpp';
export type VirtualMode = 'short_series_goods' | 'short_series_coin';

interface MerchantOrderBase {
  /** Also the out_trade_no / outTradeNo sent to the platform. */
  readonly orderId: string;
  readonly productId: string;
  readonly quantity: number;
  /** Total in fen. */
  readonly amount: number;
  readonly currency: string;
  readonly openid: string;
  readonly createdAt: number;
  paidAt?: string;
  transactionId?: string;
  /** How the merchant learnt the final state. */
  confirmedBy?: 'notify' | 'query' | 'merchant';
  /** Notification ids already applied (duplicates are acknowledged and ignored). */
  appliedNotificationIds: string[];
}

/** A goods order paid with wx.requestPayment (merchant side). */
export interface MerchantPaymentOrder extends MerchantOrderBase {
  readonly kind: 'payment';
  readonly profile: PaymentProfile;
  readonly prepayId: string;
  tradeState: TradeState;
}

/** A coin or item order paid with wx.requestVirtualPayment (merchant side). */
export interface MerchantVirtualOrder extends MerchantOrderBase {
  readonly kind: 'virtual';
  readonly profile: VirtualProfile;
  readonly mode: VirtualMode;
  readonly env: 0 | 1;
  readonly signData: string;
  virtualStatus: VirtualOrderStatus;
}

export type MerchantOrder = MerchantPaymentOrder | MerchantVirtualOrder;

/** What code2session issued for a user (held by the simulated WeChat login service). */
export interface UserSession {
  readonly openid: string;
  readonly sessionKey: string;
  readonly createdAt: number;
}

/** A JSAPI transaction as the simulated WeChat Pay platform records it. */
export interface PlatformPayment {
  readonly prepayId: string;
  readonly outTradeNo: string;
  readonly appid: string;
  readonly mchid: string;
  readonly description: string;
  readonly total: number;
  readonly currency: string;
  readonly payerOpenid: string;
  /** v3 prepay_ids take signType RSA; v2 ones MD5 or HMAC-SHA256. */
  readonly signScheme: 'v3' | 'v2';
  readonly createdAt: number;
  tradeState: TradeState;
  transactionId?: string;
  successTime?: string;
}

/** A virtual payment order as the simulated platform records it (created at the cashier). */
export interface PlatformVirtualOrder {
  readonly outTradeNo: string;
  readonly openid: string;
  readonly env: 0 | 1;
  readonly mode: VirtualMode;
  readonly signData: string;
  readonly productId: string | undefined;
  readonly buyQuantity: number;
  readonly unitPrice: number;
  readonly total: number;
  readonly attach: string;
  readonly createdAt: number;
  status: VirtualOrderStatus;
  transactionId?: string;
  mchOrderNo?: string;
  /** Unix seconds. */
  paidTime?: number;
}

/** Everything the backend remembers; one JSON file when durable. */
export interface BackendState {
  readonly orders: Map<string, MerchantOrder>;
  readonly sessions: Map<string, UserSession>;
  /** Keyed by out_trade_no. */
  readonly payments: Map<string, PlatformPayment>;
  /** prepay_id -> out_trade_no. */
  readonly prepayIndex: Map<string, string>;
  /** Keyed by outTradeNo. */
  readonly virtualOrders: Map<string, PlatformVirtualOrder>;
}

const STATE_FORMAT_VERSION = 1;

interface SerializedState {
  readonly version: number;
  readonly orders: MerchantOrder[];
  readonly sessions: UserSession[];
  readonly payments: PlatformPayment[];
  readonly virtualOrders: PlatformVirtualOrder[];
}

export function emptyState(): BackendState {
  return {
    orders: new Map(),
    sessions: new Map(),
    payments: new Map(),
    prepayIndex: new Map(),
    virtualOrders: new Map(),
  };
}

export function serializeState(state: BackendState): string {
  const serialized: SerializedState = {
    version: STATE_FORMAT_VERSION,
    orders: [...state.orders.values()],
    sessions: [...state.sessions.values()],
    payments: [...state.payments.values()],
    virtualOrders: [...state.virtualOrders.values()],
  };
  return JSON.stringify(serialized);
}

/** Throws when the text is not a state file this version wrote. */
export function deserializeState(text: string): BackendState {
  const parsed = JSON.parse(text) as Partial<SerializedState>;
  if (parsed.version !== STATE_FORMAT_VERSION) {
    throw new Error(`unsupported state format version ${String(parsed.version)}`);
  }
  const state = emptyState();
  for (const order of parsed.orders ?? []) state.orders.set(order.orderId, order);
  for (const session of parsed.sessions ?? []) state.sessions.set(session.openid, session);
  for (const payment of parsed.payments ?? []) {
    state.payments.set(payment.outTradeNo, payment);
    state.prepayIndex.set(payment.prepayId, payment.outTradeNo);
  }
  for (const order of parsed.virtualOrders ?? []) state.virtualOrders.set(order.outTradeNo, order);
  return state;
}
