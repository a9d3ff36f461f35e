import type { Scheduler } from '../clock/scheduler';
import type { TestClock } from '../clock/test-clock';
import { randomString } from '../lib/ids';
import type { DeliveryRecord } from './delivery';
import { RETRY_SCHEDULE_MS } from './retry-schedule';
import { type OutgoingRequest, sendAttempt } from './send-attempt';

/** How the attempts of one kind of notification are made and acknowledged. */
export interface Channel {
  /** One attempt's request: headers (a signature, a timestamp) are made afresh each time. */
  request(record: DeliveryRecord): OutgoingRequest;
  acknowledged(status: number, answer: string): boolean;
}

/** When, and whether, the platform tells the merchant (`notifyDelayMs`, `dropNotify`). */
export interface NotifyPlan {
  /** Wait before the first attempt, ms on the test clock. */
  readonly delayMs: number;
  /** Keep the notification owed without sending it, until it is sent by hand. */
  readonly drop: boolean;
}

/** A notification to deliver. */
export interface NotifyInput extends NotifyPlan {
  readonly channel: string;
  readonly eventType: string;
  readonly mchid: string;
  readonly subject: string;
  readonly url: string;
  readonly body: string;
}

export interface NotifierOptions {
  readonly deliveries: Map<string, DeliveryRecord>;
  readonly scheduler: Scheduler;
  readonly clock: TestClock;
  readonly save: () => Promise<void>;
  readonly changed: (id: string) => void;
  /** An answer slower than this fails the attempt (real time). */
  readonly timeoutMs: number;
  /** How many finished notifications are kept (the oldest go first). */
  readonly keep: number;
}

/** Told of a notification the merchant acknowledged. */
export type DeliveredListener = (record: DeliveryRecord) => Promise<void> | void;

const ATTEMPT_TASK = 'notification.attempt';

/**
 * Delivers notifications with WeChat Pay's retries: an attempt is acknowledged per its channel
 * (a v3 notification by any 2xx); anything else, or no answer in time, is retried on
 * {@link RETRY_SCHEDULE_MS} of the test clock, then given up. Attempts are tasks of the
 * scheduler, so that advancing the clock plays the schedule.
 */
export class Notifier {
  private readonly channels = new Map<string, Channel>();
  private readonly inFlight = new Set<AbortController>();
  private readonly deliveredListeners: DeliveredListener[] = [];

  constructor(private readonly options: NotifierOptions) {
    options.scheduler.handle(ATTEMPT_TASK, (data) => this.attempt(String(data)));
  }

  /** Names a channel (a later part adds its own: XML notifications, message pushes). */
  registerChannel(name: string, channel: Channel): void {
    this.channels.set(name, channel);
  }

  /** Told when a notification is acknowledged (a part whose state follows delivery listens). */
  onDelivered(listener: DeliveredListener): void {
    this.deliveredListeners.push(listener);
  }

  async notify(input: NotifyInput): Promise<DeliveryRecord> {
    const { channel, eventType, mchid, subject, url, body } = input;
    const record: DeliveryRecord = {
      id: `notify_${randomString(16)}`,
      channel,
      eventType,
      mchid,
      subject,
      url,
      body,
      state: input.drop ? 'dropped' : 'scheduled',
      attempts: [],
      retries: 0,
      createdAt: this.options.clock.now(),
    };
    this.options.deliveries.set(record.id, record);
    if (!input.drop) this.scheduleAttempt(record, input.delayMs);
    this.forgetOld();
    await this.saved(record);
    return record;
  }

  /** Sends an owed notification now (dropped, given up, or waiting for a retry). */
  async sendNow(id: string): Promise<DeliveryRecord | undefined> {
    const record = this.options.deliveries.get(id);
    if (!record || record.state === 'delivered' || record.state === 'probed') return undefined;
    if (record.taskId) this.options.scheduler.cancel(record.taskId);
    record.state = 'scheduled';
    this.scheduleAttempt(record, 0);
    await this.saved(record);
    return record;
  }

  /**
   * Cancels the next attempt of a scheduled notification: it stays owed (`dropped`) until it
   * is sent by hand. Answers undefined when it is not waiting for an attempt (not scheduled,
   * or an attempt is being made right now, which decides).
   */
  async drop(id: string): Promise<DeliveryRecord | undefined> {
    const record = this.options.deliveries.get(id);
    if (record?.state !== 'scheduled' || record.taskId === undefined) return undefined;
    this.options.scheduler.cancel(record.taskId);
    record.taskId = undefined;
    record.nextAt = undefined;
    record.state = 'dropped';
    await this.saved(record);
    return record;
  }

  /** One attempt, no retry: a signature probe. The record keeps its verdict. */
  async probe(input: Omit<NotifyInput, 'delayMs' | 'drop'>): Promise<DeliveryRecord> {
    const record = await this.notify({ ...input, delayMs: 0, drop: true });
    record.state = 'probed';
    const { status } = await this.send(record);
    record.probe =
      status === undefined ? 'unanswered' : status >= 200 && status < 300 ? 'accepted' : 'refused';
    await this.saved(record);
    return record;
  }

  /** Aborts the attempts waiting for an answer (the simulator is closing). */
  close(): void {
    for (const controller of this.inFlight) controller.abort();
  }

  find(id: string): DeliveryRecord | undefined {
    return this.options.deliveries.get(id);
  }

  list(): DeliveryRecord[] {
    return [...this.options.deliveries.values()];
  }

  private scheduleAttempt(record: DeliveryRecord, delayMs: number): void {
    const at = this.options.clock.now() + delayMs;
    record.nextAt = at;
    record.taskId = this.options.scheduler.schedule(ATTEMPT_TASK, at, record.id);
  }

  private async attempt(id: string): Promise<void> {
    const record = this.options.deliveries.get(id);
    if (record?.state !== 'scheduled') return;
    record.taskId = undefined;
    record.nextAt = undefined;
    const { status, answerText } = await this.send(record);
    const channel = this.channels.get(record.channel);
    if (record.state !== 'scheduled' || record.taskId !== undefined) {
      // Sent again by hand while this attempt ran: that attempt decides.
    } else if (status !== undefined && channel?.acknowledged(status, answerText)) {
      record.state = 'delivered';
      for (const listener of this.deliveredListeners) await listener(record);
    } else {
      const wait = RETRY_SCHEDULE_MS[record.retries];
      if (wait === undefined) {
        record.state = 'gave-up';
      } else {
        record.retries += 1;
        this.scheduleAttempt(record, wait);
      }
    }
    await this.saved(record);
  }

  /** Makes and sends one attempt, recording it. */
  private async send(record: DeliveryRecord): Promise<{ status?: number; answerText: string }> {
    const { clock, timeoutMs } = this.options;
    const times = { at: clock.now(), wallAt: clock.wallNow() };
    const channel = this.channels.get(record.channel);
    let request: OutgoingRequest;
    try {
      if (!channel) throw new Error(`no channel ${record.channel}`);
      request = channel.request(record);
    } catch (error) {
      record.attempts.push({ ...times, error: (error as Error).message, durationMs: 0 });
      return { answerText: '' };
    }
    const controller = new AbortController();
    this.inFlight.add(controller);
    const { answerText, ...attempt } = await sendAttempt(request, timeoutMs, times, controller);
    this.inFlight.delete(controller);
    record.attempts.push(attempt);
    return { ...(attempt.status === undefined ? {} : { status: attempt.status }), answerText };
  }

  /** Keeps at most `keep` finished notifications (owed ones are always kept). */
  private forgetOld(): void {
    const { deliveries, keep } = this.options;
    if (deliveries.size <= keep) return;
    for (const [id, record] of deliveries) {
      if (deliveries.size <= keep) break;
      if (record.state === 'delivered' || record.state === 'probed') deliveries.delete(id);
    }
  }

  private saved(record: DeliveryRecord): Promise<void> {
    this.options.changed(record.id);
    return this.options.save();
  }
}
