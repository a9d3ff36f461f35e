import { type Delivery, type DeliveryEvent, type DeliveryRecord, OWED_STATES } from './delivery';
import { sendDelivery } from './send-delivery';

export interface NotifierOptions {
  /** Waits between attempts after a failure; one retry per entry. */
  readonly retryDelaysMs: readonly number[];
  /** A merchant answer slower than this counts as a failure (WeChat: 5 s). @default 5000 */
  readonly requestTimeoutMs?: number;
  /** How many records /sim/deliveries keeps. @default 1000 */
  readonly historyLimit?: number;
  /** Told of every delivery event (the journal). */
  readonly observe?: (event: DeliveryEvent) => void;
}

/** A record's delivery, its next retry and its timer. */
interface Plan {
  readonly delivery: Delivery;
  retry: number;
  timer?: NodeJS.Timeout;
}

/**
 * Sends notifications after a delay (one setTimeout) and retries on anything but an
 * acknowledgement, on the given schedule. `close()` clears every timer and aborts requests.
 * The dashboard can send one now, drop one still scheduled, or replay one delivered.
 */
export class Notifier {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private readonly history: DeliveryRecord[] = [];
  private readonly plans = new Map<number, Plan>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: NotifierOptions) {}

  schedule(delivery: Delivery, delayMs: number, replayOf?: number): DeliveryRecord {
    const record = this.remember(delivery, 'scheduled', replayOf);
    this.arm(record, delayMs);
    this.options.observe?.({ type: 'scheduled', record, dueAt: Date.now() + delayMs, delayMs });
    return record;
  }

  /** Records a notification that will not be sent (`dropNotify`) unless `deliverNow` sends it. */
  drop(delivery: Delivery): DeliveryRecord {
    const record = this.remember(delivery, 'dropped');
    this.options.observe?.({ type: 'held', record });
    return record;
  }

  deliveries(): readonly DeliveryRecord[] {
    return this.history;
  }

  /** The order's latest delivery in one of `states`. */
  latest(orderId: string, states: readonly DeliveryRecord['state'][]): DeliveryRecord | undefined {
    for (let i = this.history.length - 1; i >= 0; i--) {
      const record = this.history[i];
      if (record?.orderId === orderId && states.includes(record.state)) return record;
    }
    return undefined;
  }

  /** Sends now a notification still owed; false when it is not owed or being sent right now. */
  deliverNow(id: number): boolean {
    const record = this.history.find((r) => r.id === id);
    const plan = this.plans.get(id);
    if (this.closed || !record || !plan || !OWED_STATES.includes(record.state)) return false;
    if (record.state === 'scheduled' && plan.timer === undefined) return false;
    record.state = 'scheduled';
    this.options.observe?.({ type: 'forced', record });
    this.arm(record, 0);
    return true;
  }

  /** Stops a scheduled notification (its retries too); it stays owed, as `dropped`. */
  dropScheduled(id: number): boolean {
    const record = this.history.find((r) => r.id === id);
    const plan = this.plans.get(id);
    if (!record || !plan || record.state !== 'scheduled') return false;
    this.disarm(plan);
    record.state = 'dropped';
    this.options.observe?.({ type: 'dropped', record });
    return true;
  }

  /** Sends a duplicate of a delivered notification, as a new delivery due now. */
  replay(id: number): DeliveryRecord | undefined {
    const record = this.history.find((r) => r.id === id);
    const plan = this.plans.get(id);
    if (this.closed || !plan || record?.state !== 'delivered') return undefined;
    return this.schedule(plan.delivery, 0, id);
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

  private remember(
    delivery: Delivery,
    state: DeliveryRecord['state'],
    replayOf?: number,
  ): DeliveryRecord {
    const record: DeliveryRecord = {
      id: this.nextId++,
      kind: delivery.kind,
      orderId: delivery.orderId,
      state,
      attempts: [],
      ...(replayOf === undefined ? {} : { replayOf }),
    };
    this.history.push(record);
    this.plans.set(record.id, { delivery, retry: 0 });
    const limit = this.options.historyLimit ?? 1000;
    for (const old of this.history.splice(0, Math.max(0, this.history.length - limit))) {
      this.plans.delete(old.id);
    }
    return record;
  }

  private arm(record: DeliveryRecord, delayMs: number): void {
    const plan = this.plans.get(record.id);
    if (this.closed || !plan) return;
    this.disarm(plan);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      plan.timer = undefined;
      void this.attempt(record, plan);
    }, delayMs);
    plan.timer = timer;
    this.timers.add(timer);
  }

  private disarm(plan: Plan): void {
    if (plan.timer === undefined) return;
    clearTimeout(plan.timer);
    this.timers.delete(plan.timer);
    plan.timer = undefined;
  }

  private async attempt(record: DeliveryRecord, plan: Plan): Promise<void> {
    const acknowledged = await sendDelivery(
      plan.delivery,
      record,
      this.inFlight,
      this.options.requestTimeoutMs ?? 5000,
    );
    if (this.closed) return;
    if (acknowledged) {
      record.state = 'delivered';
      plan.delivery.onAcknowledged?.();
    } else if (record.state === 'scheduled' && plan.timer === undefined) {
      this.retryLater(record, plan);
    }
    this.options.observe?.({ type: 'attempted', record });
  }

  /** The next retry on the schedule, or giving up when none is left. */
  private retryLater(record: DeliveryRecord, plan: Plan): void {
    const retryDelay = this.options.retryDelaysMs[plan.retry];
    if (retryDelay === undefined) {
      record.state = 'gave-up';
      return;
    }
    const failed = record.attempts[record.attempts.length - 1];
    if (failed) failed.retryAt = Date.now() + retryDelay;
    plan.retry += 1;
    this.arm(record, retryDelay);
  }
}
