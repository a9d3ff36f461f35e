import type {
  B2bPayStatus,
  TradeState,
  TransferBillState,
  VirtualOrderStatus,
} from '../domain/order-state';
import type {
  PlatformB2bOrder,
  PlatformPayment,
  PlatformTransferBill,
  PlatformVirtualOrder,
} from './platform-records';

export type {
  PlatformB2bOrder,
  PlatformPayment,
  PlatformTransferBill,
  PlatformVirtualOrder,
} from './platform-records';

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

/**
 * An order paid through WeChat Pay with a prepay_id (merchant side): `payment` with
 * wx.requestPayment, `order` with wx.requestOrderPayment (custom transaction component),
 * `plugin` with wx.requestPluginPayment (the host's functional page pays the prepay_id).
 */
export interface MerchantPaymentOrder extends MerchantOrderBase {
  readonly kind: 'payment' | 'order' | 'plugin';
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

/** A B2b order paid with wx.requestCommonPayment (merchant side). */
export interface MerchantCommonOrder extends MerchantOrderBase {
  readonly kind: 'common';
  readonly profile: 'wechat';
  readonly mode: 'retail_pay_goods';
  readonly env: 0 | 1;
  readonly signData: string;
  payStatus: B2bPayStatus;
}

/** A merchant transfer to the user (a cash-out), received with wx.requestMerchantTransfer. */
export interface MerchantTransferOrder extends MerchantOrderBase {
  readonly kind: 'transfer';
  readonly profile: 'wechat';
  readonly transferBillNo: string;
  billState: TransferBillState;
}

export type MerchantOrder =
  | MerchantPaymentOrder
  | MerchantVirtualOrder
  | MerchantCommonOrder
  | MerchantTransferOrder;

/** What code2session issued for a user (held by the simulated WeChat login service). */
export interface UserSession {
  readonly openid: string;
  readonly sessionKey: string;
  readonly createdAt: number;
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
  /** Keyed by out_trade_no. */
  readonly b2bOrders: Map<string, PlatformB2bOrder>;
  /** Keyed by out_bill_no. */
  readonly transferBills: Map<string, PlatformTransferBill>;
}

const STATE_FORMAT_VERSION = 1;

interface SerializedState {
  readonly version: number;
  readonly orders: MerchantOrder[];
  readonly sessions: UserSession[];
  readonly payments: PlatformPayment[];
  readonly virtualOrders: PlatformVirtualOrder[];
  readonly b2bOrders?: PlatformB2bOrder[];
  readonly transferBills?: PlatformTransferBill[];
}

export function emptyState(): BackendState {
  return {
    orders: new Map(),
    sessions: new Map(),
    payments: new Map(),
    prepayIndex: new Map(),
    virtualOrders: new Map(),
    b2bOrders: new Map(),
    transferBills: new Map(),
  };
}

export function serializeState(state: BackendState): string {
  const serialized: SerializedState = {
    version: STATE_FORMAT_VERSION,
    orders: [...state.orders.values()],
    sessions: [...state.sessions.values()],
    payments: [...state.payments.values()],
    virtualOrders: [...state.virtualOrders.values()],
    b2bOrders: [...state.b2bOrders.values()],
    transferBills: [...state.transferBills.values()],
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
  for (const order of parsed.b2bOrders ?? []) state.b2bOrders.set(order.outTradeNo, order);
  for (const bill of parsed.transferBills ?? []) state.transferBills.set(bill.outBillNo, bill);
  return state;
}
