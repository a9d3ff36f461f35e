import type { AbortSignalLike } from '../core/abort-signal';
import type { FailCode, PaymentOutcome } from '../core/outcome';
import type { OrderKind, OrderSnapshot, PreparedOrder } from '../shared/wire-types';

/**
 * Your merchant backend, as the checkout talks to it. {@link httpBackend} builds one over
 * `wx.request`; any object with these two functions works.
 */
export interface PaymentBackend {
  /** Creates the order and signs the cashier's parameters. `input` is what `pay()` got. */
  createOrder(input: unknown, ctx: { signal?: AbortSignalLike }): Promise<PreparedOrder>;
  /**
   * Reads the order's state. `waitMs` > 0 allows the backend to hold the answer up to that
   * long until the state changes (long-poll); answering at once is fine too. Resolve
   * `undefined` (or reject with an error whose `status` is 404, as `httpBackend` does) when
   * the backend does not know the order.
   */
  queryOrder(
    orderId: string,
    ctx: { waitMs: number; signal?: AbortSignalLike },
  ): Promise<OrderSnapshot | undefined>;
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
  | 'order_refunded'
  /** The backend does not know the order (HTTP 404, or `queryOrder` resolved nothing). */
  | 'order_unknown';

/**
 * What `pay()`, `confirm()` and `resumePending()` resolve. They never reject. `kind` is the
 * kind of order `pay()` paid (`confirm()` and `resumePending()` do not know it), so that
 * `describeResult` says "received" for a transfer.
 */
export type CheckoutResult =
  | {
      status: 'paid';
      orderId: string;
      order: OrderSnapshot;
      outcome?: PaymentOutcome;
      kind?: OrderKind;
    }
  | { status: 'cancelled'; orderId: string; outcome: PaymentOutcome; kind?: OrderKind }
  | {
      status: 'failed';
      code: CheckoutFailCode;
      detail: string;
      orderId?: string;
      outcome?: PaymentOutcome;
      order?: OrderSnapshot;
      kind?: OrderKind;
    }
  | {
      status: 'pending';
      orderId: string;
      detail: string;
      outcome?: PaymentOutcome;
      kind?: OrderKind;
    };

/** A checkout: create the order, open the cashier, confirm with the backend. */
export interface Checkout {
  /**
   * Creates an order with `backend.createOrder(input)`, opens the host's cashier and resolves
   * what the backend says about the order. Resolves `failed` / `busy` at once, creating
   * nothing, while another `pay()` or `confirm()` of this checkout is in flight or a cashier
   * is open on the host.
   */
  pay(input: unknown, options?: { signal?: AbortSignalLike }): Promise<CheckoutResult>;
  /** Queries an existing order until a final state or the deadline. */
  confirm(orderId: string, options?: { signal?: AbortSignalLike }): Promise<CheckoutResult>;
  /**
   * Queries each stored pending order once, forgets those that reached a final state (or
   * that the backend does not know, or that were kept for 2 hours) and resolves their results
   * (`[]` when none are stored). Call it at app launch.
   */
  resumePending(): Promise<CheckoutResult[]>;
}
