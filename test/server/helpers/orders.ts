import type { OrderEvents, OrderSnapshot } from 'miniprogram-pay/server';

/** An in-memory order store that counts reads, for a watch's `getOrder`. */
export function createStore(orders: Record<string, OrderSnapshot['state']> = {}) {
  const table = new Map<string, OrderSnapshot>(
    Object.entries(orders).map(([orderId, state]) => [orderId, { orderId, state }]),
  );
  const store = {
    reads: 0,
    getOrder: async (orderId: string): Promise<OrderSnapshot | undefined> => {
      store.reads++;
      const order = table.get(orderId);
      return order && { ...order };
    },
    set(orderId: string, state: OrderSnapshot['state'], extra: Record<string, unknown> = {}) {
      table.set(orderId, { orderId, state, ...extra });
    },
  };
  return store;
}

/** Wraps events to count live subscriptions and publishes. */
export function countingEvents(events: OrderEvents) {
  const counted = {
    subscribed: 0,
    published: [] as string[],
    publish: (orderId: string) => {
      counted.published.push(orderId);
      return events.publish(orderId);
    },
    subscribe: (orderId: string, listener: () => void) => {
      counted.subscribed++;
      const unsubscribe = events.subscribe(orderId, listener);
      let done = false;
      return () => {
        if (!done) counted.subscribed--;
        done = true;
        unsubscribe();
      };
    },
  };
  return counted;
}

/** A promise's state, readable without awaiting it. */
export function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

/**
 * WeChat Pay as an active query sees it: `pay(orderId)` pays at the cashier (the notification
 * may never come); `query` answers after `latencyMs` (a timer, for fake timers) and, once paid,
 * updates the store and wakes the watch, as a merchant's query handler does. `started` holds
 * the clock (Date.now) at each query's start.
 */
export function createPlatform(
  store: ReturnType<typeof createStore>,
  watch: { changed(orderId: string): Promise<void> },
  latencyMs = 0,
) {
  const paid = new Set<string>();
  const started: number[] = [];
  const query = jest.fn(async (orderId: string) => {
    started.push(Date.now());
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (!paid.has(orderId)) return;
    store.set(orderId, 'paid');
    await watch.changed(orderId);
  });
  return { pay: (orderId: string) => paid.add(orderId), query, started };
}
