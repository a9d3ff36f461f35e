/** One notification the platform owes the merchant. */
export interface Delivery {
  readonly kind: 'payment' | 'virtual' | 'refund';
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
}

export interface NotifierOptions {
  /** Waits between attempts after a failure; one retry per entry. */
  readonly retryDelaysMs: readonly number[];
  /** A merchant answer slower than this counts as a failure (WeChat: 5 s). @default 5000 */
  readonly requestTimeoutMs?: number;
  /** How many records /sim/deliveries keeps. @default 1000 */
  readonly historyLimit?: number;
}

/**
 * Sends notifications after a delay (one setTimeout) and retries on anything but an
 * acknowledgement, on the given schedule. `close()` clears every timer and aborts requests.
 */
export class Notifier {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private readonly history: DeliveryRecord[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: NotifierOptions) {}

  schedule(delivery: Delivery, delayMs: number): DeliveryRecord {
    const record = this.remember(delivery, 'scheduled');
    this.arm(delivery, record, delayMs, 0);
    return record;
  }

  /** Records a notification that will never be sent (`dropNotify`). */
  drop(delivery: Delivery): DeliveryRecord {
    return this.remember(delivery, 'dropped');
  }

  deliveries(): readonly DeliveryRecord[] {
    return this.history;
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight) controller.abort();
    this.inFlight.clear();
    for (const record of this.history) {
      if (record.state === 'scheduled') record.state = 'cancelled';
    }
  }

  private remember(delivery: Delivery, state: DeliveryRecord['state']): DeliveryRecord {
    const record: DeliveryRecord = {
      id: this.nextId++,
      kind: delivery.kind,
      orderId: delivery.orderId,
      state,
      attempts: [],
    };
    this.history.push(record);
    const limit = this.options.historyLimit ?? 1000;
    if (this.history.length > limit) this.history.splice(0, this.history.length - limit);
    return record;
  }

  private arm(delivery: Delivery, record: DeliveryRecord, delayMs: number, attempt: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(delivery, record, attempt);
    }, delayMs);
    this.timers.add(timer);
  }

  private async attempt(
    delivery: Delivery,
    record: DeliveryRecord,
    attempt: number,
  ): Promise<void> {
    const acknowledged = await this.send(delivery, record);
    if (this.closed) return;
    if (acknowledged) {
      record.state = 'delivered';
      delivery.onAcknowledged?.();
      return;
    }
    const retryDelay = this.options.retryDelaysMs[attempt];
    if (retryDelay === undefined) {
      record.state = 'gave-up';
      return;
    }
    const failed = record.attempts[record.attempts.length - 1];
    if (failed) failed.retryAt = Date.now() + retryDelay;
    this.arm(delivery, record, retryDelay, attempt + 1);
  }

  private async send(delivery: Delivery, record: DeliveryRecord): Promise<boolean> {
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(), this.options.requestTimeoutMs ?? 5000);
    const at = Date.now();
    let signedFor: { serial: string } | undefined;
    try {
      const { url, headers, body } = delivery.request();
      const serial = headers['Wechatpay-Serial'];
      if (serial !== undefined) signedFor = { serial };
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        signal: controller.signal,
      });
      const answer = await response.text();
      record.attempts.push({ at, status: response.status, ...signedFor });
      return delivery.isAcknowledged(response.status, answer);
    } catch (error) {
      record.attempts.push({
        at,
        status: undefined,
        error: (error as Error).message,
        ...signedFor,
      });
      return false;
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
  }
}
