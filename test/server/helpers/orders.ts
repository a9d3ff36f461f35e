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
