import type { PaymentHost } from '../core/host';
import type { PaymentBackend } from './types';

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
  /** Cap of the interval. @default 1500 */
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
   * @default 300000 (5 minutes)
   */
  readonly hostTimeoutMs?: number;
  /**
   * While the cashier is open, the app came back to the foreground (`onAppShow`) and no
   * callback arrived within this time: the callback is taken as lost; confirm as after an `ok`.
   * @default 2000
   */
  readonly resumeGraceMs?: number;
  /**
   * Keep the ids of orders left `pending` in the host's storage, under `pendingKey`, for
   * {@link Checkout.resumePending}.
   * @default true (nothing is stored on a host without storage functions)
   */
  readonly persistPending?: boolean;
  /**
   * The storage key of the pending orders. Give each checkout of an app its own (two shops,
   * two backends), so that one never resumes the other's orders.
   * @default 'miniprogram-pay:pending'
   */
  readonly pendingKey?: string;
  /**
   * Called as a call goes through its stages, each at most once, in order: `creating_order`,
   * `awaiting_payment`, `confirming`, `settled`. A throwing listener is ignored.
   * @default none
   * @example onStage: (stage) => this.setData({ busy: stage !== 'settled' })
   */
  readonly onStage?: (stage: CheckoutStage, info: { orderId?: string }) => void;
}
