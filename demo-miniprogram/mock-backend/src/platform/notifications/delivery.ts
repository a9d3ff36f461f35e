// What the platform owes the merchant: one notification, its attempts and its record.

/** One notification the platform owes the merchant. */
export interface Delivery {
  /** payment: v3 payment; virtual and b2b: message pushes; refund; transfer: a bill's end. */
  readonly kind: 'payment' | 'virtual' | 'refund' | 'transfer' | 'b2b';
  readonly orderId: string;
  /** Builds one attempt; called per attempt so that each carries a fresh timestamp and signature. */
  request(): { url: string; headers: Record<string, string>; body: string };
  /** Whether the merchant's answer acknowledges the notification. */
  isAcknowledged(status: number, body: string): boolean;
  onAcknowledged?(): void;
}

export interface DeliveryAttempt {
  /** ms since the epoch */
  readonly at: number;
  /** HTTP status, or undefined when the request itself failed. */
  readonly status: number | undefined;
  readonly error?: string;
  /** The `Wechatpay-Serial` the request was signed for (v3 notifications). */
  readonly serial?: string;
  /** When the next attempt is due (ms since the epoch), if this one failed and one is left. */
  retryAt?: number;
}

/** What /sim/deliveries reports. */
export interface DeliveryRecord {
  readonly id: number;
  readonly kind: Delivery['kind'];
  readonly orderId: string;
  state: 'scheduled' | 'delivered' | 'gave-up' | 'dropped' | 'cancelled';
  readonly attempts: DeliveryAttempt[];
  /** The delivery this one duplicates (a replay from the dashboard). */
  readonly replayOf?: number;
}

/** What happened to a delivery, as the journal hears it. */
export type DeliveryEvent =
  | {
      readonly type: 'scheduled';
      readonly record: DeliveryRecord;
      readonly dueAt: number;
      /** The wait it was scheduled with (dueAt is this past the notifier's clock). */
      readonly delayMs: number;
    }
  | { readonly type: 'held' | 'attempted' | 'forced' | 'dropped'; readonly record: DeliveryRecord };

/** The states in which a notification is still owed to the merchant. */
export const OWED_STATES: readonly DeliveryRecord['state'][] = ['scheduled', 'dropped', 'gave-up'];
