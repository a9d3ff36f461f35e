/** A notification's state: owed (scheduled, dropped, gave up) or done. */
export type DeliveryState = 'scheduled' | 'delivered' | 'gave-up' | 'dropped' | 'probed';

/** One attempt to deliver. */
export interface AttemptRecord {
  /** ms on the test clock / on the wall clock. */
  readonly at: number;
  readonly wallAt: number;
  /** The merchant's HTTP status; absent when it did not answer. */
  readonly status?: number;
  /** Why there is no status (refused connection, timeout). */
  readonly error?: string;
  /** The `Wechatpay-Serial` the attempt was signed for. */
  readonly serial?: string;
  /** The start of the merchant's answer. */
  readonly answer?: string;
  readonly durationMs: number;
}

/**
 * A notification the platform owes a merchant, as stored: its body is fixed at creation (the
 * same `id` on every attempt), its headers made afresh at each attempt by its channel.
 */
export interface DeliveryRecord {
  readonly id: string;
  /** How its attempts are made: `v3` (JSON, signed per attempt), `probe`, … */
  readonly channel: string;
  /** e.g. `TRANSACTION.SUCCESS`. */
  readonly eventType: string;
  /** The merchant whose keys sign it. */
  readonly mchid: string;
  /** What it is about: an out_trade_no, an out_refund_no, … */
  readonly subject: string;
  readonly url: string;
  readonly body: string;
  state: DeliveryState;
  readonly attempts: AttemptRecord[];
  /** Retries used from the schedule. */
  retries: number;
  /** When the next attempt is due (ms on the test clock), while scheduled. */
  nextAt?: number;
  taskId?: string;
  /** A probe's verdict: whether the merchant refused the forged signature. */
  probe?: 'refused' | 'accepted' | 'unanswered';
  readonly createdAt: number;
}
