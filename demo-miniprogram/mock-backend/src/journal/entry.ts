import type { OrderState } from '../domain/order-state';

/** The three lanes of the sequence view. */
export type Lane = 'mini-program' | 'merchant' | 'platform';

/** One arrow of the sequence view (`from === to` is a note on that lane). */
export interface SequenceMessage {
  readonly from: Lane;
  readonly to: Lane;
  readonly label: string;
  /** ms since the epoch */
  readonly at: number;
}

/**
 * Which notification: a payment's (v3, a virtual push or a B2b message push), a refund's, or a
 * transfer bill's end.
 */
export type NotificationKind = 'payment' | 'virtual' | 'refund' | 'transfer' | 'b2b';

/** What happened, by type; every field is plain JSON. */
export type EntryDetail =
  | {
      readonly type: 'created';
      readonly kind: string;
      readonly profile: string;
      readonly productId: string;
      readonly amount: number;
      readonly currency: string;
    }
  | {
      /** A call of the simulated cashier (`POST /sim/cashier`), before it answers. */
      readonly type: 'cashier';
      readonly api: string;
      readonly action: string;
      readonly notifyDelayMs: number;
      readonly dropNotify: boolean;
    }
  | {
      /** What the cashier answered; `reason` says why when it refused the call itself. */
      readonly type: 'cashier-answer';
      readonly api: string;
      readonly errMsg: string;
      readonly errCode?: number;
      readonly reason?: string;
    }
  | {
      readonly type: 'notification';
      readonly event: 'scheduled' | 'held' | 'attempt' | 'forced' | 'dropped';
      readonly deliveryId: number;
      readonly notification: NotificationKind;
      /** The delivery this one duplicates (a replay). */
      readonly replayOf?: number;
      /** When it is due (scheduled). */
      readonly dueAt?: number;
      /** The wait it was scheduled with (scheduled): the sentence says this, not dueAt - at. */
      readonly delayMs?: number;
      /** Attempt number, from 1 (attempt). */
      readonly attempt?: number;
      /** When the attempt was sent (attempt). */
      readonly sentAt?: number;
      /** The merchant's HTTP status; absent when the request itself failed (attempt). */
      readonly status?: number;
      readonly error?: string;
      /** When the next attempt is due, if this one failed (attempt). */
      readonly retryAt?: number;
      /** The delivery's state after this event. */
      readonly deliveryState: string;
    }
  | {
      /** The merchant applied a notification (verified and read). */
      readonly type: 'applied';
      readonly outcome: 'applied' | 'unchanged' | 'duplicate' | 'rejected';
      readonly state: OrderState;
      readonly message?: string;
    }
  | {
      /** `GET /api/orders/:orderId`, once answered. */
      readonly type: 'status-query';
      readonly waitMs: number;
      readonly heldMs: number;
      readonly state: OrderState;
    }
  | {
      /** The merchant asked the platform (a late notification, or before a close). */
      readonly type: 'active-query';
      /** The platform's word (as DashboardItem.detail); undefined when it has no record. */
      readonly platformState: string | undefined;
      readonly state: OrderState;
      readonly changed: boolean;
    }
  | { readonly type: 'refund'; readonly amount: number; readonly currency: string }
  | { readonly type: 'closed'; readonly state: OrderState }
  | {
      /** A request the merchant refused before reading it (signature, clock, shape). */
      readonly type: 'refused';
      readonly route: string;
      readonly status: number;
      readonly message: string;
    };

export type EntryType = EntryDetail['type'];

/** One line of the journal. */
export type JournalEntry = EntryDetail & {
  /** Increases by one per entry within one run of the backend. */
  readonly seq: number;
  /** ms since the epoch */
  readonly at: number;
  /** The order (a transfer is one too) it is about; undefined when none could be told. */
  readonly subject: string | undefined;
  /** A sentence for the timeline. */
  readonly summary: string;
  /** Whether the page shows it as a refusal. */
  readonly refusal: boolean;
  /** Its arrows in the sequence view. */
  readonly messages: readonly SequenceMessage[];
};
