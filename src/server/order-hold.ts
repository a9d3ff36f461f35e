import type { OrderSnapshot } from '../shared/wire-types';

/** What a hold needs from its watch. */
export interface HoldContext {
  readonly getOrder: (
    orderId: string,
  ) => OrderSnapshot | undefined | PromiseLike<OrderSnapshot | undefined>;
  /** Subscribes the hold to wakes; returns the function that unsubscribes it. */
  readonly subscribe: (orderId: string, hold: Hold) => () => void;
}

const isPending = (order: OrderSnapshot | undefined): boolean => order?.state === 'pending';

/**
 * One held `wait`: holds until the order is not pending, `holdMs` passes or the signal aborts,
 * then answers the last read (undefined for an unknown order). It subscribes before its first
 * read, so that no change between the read and the subscription is missed, reads again at
 * each wake, and leaves nothing subscribed once it answers. A `getOrder` that throws or
 * rejects rejects the hold with that error. (A class, not closures: thousands are held.)
 */
export class Hold {
  /** Settles with the answer. */
  readonly answer: Promise<OrderSnapshot | undefined>;
  private resolve!: (order: OrderSnapshot | undefined) => void;
  private reject!: (error: unknown) => void;
  private last: OrderSnapshot | undefined;
  private haveRead = false;
  private reading = false;
  private readAgain = false;
  private expired: boolean;
  private done = false;
  private readonly timer: ReturnType<typeof setTimeout>;
  private readonly unsubscribe: () => void;
  private readonly onAbort: (() => void) | undefined;

  constructor(
    private readonly context: HoldContext,
    private readonly orderId: string,
    holdMs: number,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.answer = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.expired = Boolean(signal?.aborted);
    this.unsubscribe = context.subscribe(orderId, this);
    this.timer = setTimeout(expire, holdMs, this);
    if (signal) {
      this.onAbort = () => this.expire();
      signal.addEventListener('abort', this.onAbort);
    }
    this.read();
  }

  /** The order may have changed: read it again (once more if a read is in flight). */
  wake(): void {
    if (this.done) return;
    if (this.reading) this.readAgain = true;
    else this.read();
  }

  /** The time is up or the signal aborted: answer the last read (or the first, once made). */
  expire(): void {
    this.expired = true;
    if (this.haveRead && !this.done) this.finish();
  }

  private read(): void {
    this.reading = true;
    this.readAgain = false;
    new Promise<OrderSnapshot | undefined>((settle) => settle(this.context.getOrder(this.orderId)))
      .then((order) => this.onRead(order))
      .catch((error: unknown) => this.fail(error));
  }

  private onRead(order: OrderSnapshot | undefined): void {
    this.reading = false;
    if (this.done) return;
    this.last = order;
    this.haveRead = true;
    if (this.expired || !isPending(order)) this.finish();
    else if (this.readAgain) this.read();
  }

  private stop(): void {
    this.done = true;
    clearTimeout(this.timer);
    this.unsubscribe();
    if (this.onAbort) this.signal?.removeEventListener('abort', this.onAbort);
  }

  private finish(): void {
    this.stop();
    this.resolve(this.last);
  }

  private fail(error: unknown): void {
    if (this.done) return;
    this.stop();
    this.reject(error);
  }
}

/** The timer's callback, shared by every hold (no closure per hold). */
function expire(hold: Hold): void {
  hold.expire();
}
