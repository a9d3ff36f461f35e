import type { OrderSnapshot } from '../checkout/types';

/** One held `wait`: reads the order, and again at each wake, until it may answer. */
export interface Hold {
  /** The order may have changed: read it again (once more if a read is in flight). */
  wake(): void;
}

/** What a hold needs from its watch. */
export interface HoldContext {
  readonly orderId: string;
  readonly holdMs: number;
  readonly signal: AbortSignal | undefined;
  readonly getOrder: (orderId: string) => Promise<OrderSnapshot | undefined>;
  /** Subscribes the hold to wakes; returns the function that unsubscribes it. */
  readonly subscribe: (hold: Hold) => () => void;
}

const isPending = (order: OrderSnapshot | undefined): boolean => order?.state === 'pending';

/**
 * Holds until the order is not pending, `holdMs` passes or the signal aborts, then answers the
 * last read (undefined for an unknown order). Subscribed before the first read, so that no
 * change between the read and the subscription is missed; nothing stays subscribed once it
 * answers. A `getOrder` that throws or rejects rejects the hold with that error.
 */
export function hold(context: HoldContext): Promise<OrderSnapshot | undefined> {
  const { orderId, holdMs, signal, getOrder } = context;
  return new Promise((resolve, reject) => {
    let last: OrderSnapshot | undefined;
    let haveRead = false;
    let reading = false;
    let readAgain = false;
    let expired = Boolean(signal?.aborted);
    let done = false;

    const stop = (): void => {
      done = true;
      clearTimeout(timer);
      unsubscribe();
      signal?.removeEventListener('abort', expire);
    };
    const answer = (): void => {
      stop();
      resolve(last);
    };
    const fail = (error: unknown): void => {
      if (done) return;
      stop();
      reject(error);
    };
    const onRead = (order: OrderSnapshot | undefined): void => {
      reading = false;
      if (done) return;
      last = order;
      haveRead = true;
      if (expired || !isPending(order)) answer();
      else if (readAgain) read();
    };
    const read = (): void => {
      reading = true;
      readAgain = false;
      new Promise<OrderSnapshot | undefined>((settle) => settle(getOrder(orderId)))
        .then(onRead)
        .catch(fail);
    };
    function expire(): void {
      expired = true;
      if (haveRead && !done) answer();
    }

    const self: Hold = {
      wake() {
        if (done) return;
        if (reading) readAgain = true;
        else read();
      },
    };
    const unsubscribe = context.subscribe(self);
    const timer = setTimeout(expire, holdMs);
    signal?.addEventListener('abort', expire);
    read();
  });
}
