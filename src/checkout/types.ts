import type { AbortSignalLike } from '../core/abort-signal';
import type { PaymentHost } from '../core/host';
import type { FailCode, PaymentOutcome } from '../core/outcome';
import type { PaymentParamsInput } from '../validation/payment-params';
import type { VirtualPaymentParamsInput } from '../validation/virtual-payment-params';

/** What the merchant backend says about an order. Only `paid` means paid. */
export type OrderState = 'pending' | 'paid' | 'closed' | 'failed' | 'refunded';

/** An order as the backend reports it. Extra fields (amount, paidAt, ...) are kept. */
export interface OrderSnapshot {
  orderId: string;
  state: OrderState;
  [extra: string]: unknown;
}

/** An order the backend created, with the signed parameters of the host's cashier. */
export type PreparedOrder =
  | { orderId: string; kind: 'payment'; params: PaymentParamsInput }
  | { orderId: string; kind: 'virtual'; params: VirtualPaymentParamsInput };

/**
 * Your merchant backend, as the checkout talks to it. {@link httpBackend} builds one over
 * `wx.request`; any object with these two functions works.
 */
export interface PaymentBackend {
  /** Creates the order and signs the cashier's parameters. `input` is what `pay()` got. */
  createOrder(input: unknown, ctx: { signal?: AbortSignalLike }): Promise<PreparedOrder>;
  /**
   * Reads the order's state. `waitMs` > 0 allows the backend to hold the answer up to that
   * long until the state changes (long-poll); answering at once is fine too.
   */
  queryOrder(
    orderId: string,
    ctx: { waitMs: number; signal?: AbortSignalLike },
  ): Promise<OrderSnapshot>;
}

/**
 * When the checkout asks the backend for the order's state after the cashier. Queries start
 * `firstDelayMs` after the cashier closed, then `intervalMs` apart (from the start of one to
 * the start of the next), the interval growing by `growth` up to `maxIntervalMs`, until a
 * final state or `deadlineMs`. Omitted fields take {@link DEFAULT_CONFIRM}'s values.
 */
export interface ConfirmOptions {
  /** Wait before the first query. @default 0 */
  readonly firstDelayMs?: number;
  /** Time between the starts of the first and second queries. @default 500 */
  readonly intervalMs?: number;
  /** Each interval is the previous one times this (>= 1). @default 1.5 */
  readonly growth?: number;
  /** Cap of the interval. @default 3000 */
  readonly maxIntervalMs?: number;
  /**
   * Give up and resolve `pending` this long after confirmation started. Also bounds
   * `createOrder` and any query in flight.
   * @default 30000
   */
  readonly deadlineMs?: number;
  /**
   * Long-poll hint passed to `queryOrder`: the backend may hold a pending answer this long,
   * answering as soon as the state changes. 0 turns long-polling off. Never more than what is
   * left of the deadline minus a second.
   * @default 10000
   */
  readonly waitMs?: number;
}

/** Where a `pay()` or `confirm()` call is; see {@link CheckoutConfig.onStage}. */
export type CheckoutStage = 'creating_order' | 'awaiting_payment' | 'confirming' | 'settled';

/** Options of {@link createCheckout}. */
export interface CheckoutConfig {
  /** Creates and reads orders on your server. Required. */
  readonly backend: PaymentBackend;
  /**
   * The host whose cashier, `onAppShow` and storage are used.
   * @default the global `wx`
   */
  readonly host?: PaymentHost;
  /** Schedule and deadline of the status queries. @default {@link DEFAULT_CONFIRM} */
  readonly confirm?: ConfirmOptions;
  /**
   * No callback from the cashier this long after it opened: stop waiting for it and confirm
   * with the backend, as after an `ok`. A later callback is ignored.
   * @default no limit (the app-show detection still applies)
   */
  readonly hostTimeoutMs?: number;
  /**
   * While the cashier is open, the app came back to the foreground (`onAppShow`) and no
   * callback arrived within this time: the callback is taken as lost; confirm as after an `ok`.
   * @default 2000
   */
  readonly resumeGraceMs?: number;
  /**
   * Keep the ids of orders left `pending` in the host's storage (`miniprogram-pay:pending`)
   * for {@link Checkout.resumePending}.
   * @default true when the host has getStorageSync and setStorageSync
   */
  readonly persistPending?: boolean;
  /**
   * Called as a call goes through its stages, each at most once, in order: `creating_order`,
   * `awaiting_payment`, `confirming`, `settled`. A throwing listener is ignored.
   * @default none
   * @example onStage: (stage) => this.setData({ busy: stage !== 'settled' })
   */
  readonly onStage?: (stage: CheckoutStage, info: { orderId?: string }) => void;
}

/** Why a checkout did not end `paid`, `cancelled` or `pending`. */
export type CheckoutFailCode =
  | FailCode
  /** `createOrder` threw, rejected, timed out or returned a malformed order. */
  | 'create_order_failed'
  /** The backend reports the order `closed`. */
  | 'order_closed'
  /** The backend reports the payment `failed`, or the host failed and nothing was paid. */
  | 'payment_failed'
  /** The backend reports the order `refunded`. */
  | 'order_refunded';

/** What `pay()`, `confirm()` and `resumePending()` resolve. They never reject. */
export type CheckoutResult =
  | { status: 'paid'; orderId: string; order: OrderSnapshot; outcome?: PaymentOutcome }
  | { status: 'cancelled'; orderId: string; outcome: PaymentOutcome }
  | {
      status: 'failed';
      code: CheckoutFailCode;
      detail: string;
      orderId?: string;
      outcome?: PaymentOutcome;
      order?: OrderSnapshot;
    }
  | { status: 'pending'; orderId: string; detail: string; outcome?: PaymentOutcome };

/** A checkout: create the order, open the cashier, confirm with the backend. */
export interface Checkout {
  /**
   * Creates an order with `backend.createOrder(input)`, opens the host's cashier and resolves
   * what the backend says about the order. Resolves `failed` / `busy` at once while another
   * `pay()` or `confirm()` of this checkout is in flight.
   */
  pay(input: unknown, options?: { signal?: AbortSignalLike }): Promise<CheckoutResult>;
  /** Queries an existing order until a final state or the deadline. */
  confirm(orderId: string, options?: { signal?: AbortSignalLike }): Promise<CheckoutResult>;
  /**
   * Queries each stored pending order once, forgets those that reached a final state and
   * resolves their results (`[]` when none are stored). Call it at app launch.
   */
  resumePending(): Promise<CheckoutResult[]>;
}
