/**
 * How order changes reach every instance of your server: `publish(orderId)` must reach every
 * `subscribe` listener of that order, in this process and in the others.
 * {@link createMemoryEvents} is one process; {@link createRedisEvents} is several, over Redis.
 */
export interface OrderEvents {
  /** Tells every subscriber of `orderId` that the order may have changed. */
  publish(orderId: string): Promise<void>;
  /** Calls `listener` at each publish of `orderId`; returns the function that unsubscribes. */
  subscribe(orderId: string, listener: () => void): () => void;
}

/** Listeners by order id, for one process. */
export class ListenerTable {
  private readonly byOrder = new Map<string, Set<() => void>>();

  /** Adds `listener`; returns the function that removes it (idempotent). */
  add(orderId: string, listener: () => void): () => void {
    let listeners = this.byOrder.get(orderId);
    if (!listeners) {
      listeners = new Set();
      this.byOrder.set(orderId, listeners);
    }
    const entry = () => listener();
    listeners.add(entry);
    return () => {
      const current = this.byOrder.get(orderId);
      if (!current?.delete(entry)) return;
      if (current.size === 0) this.byOrder.delete(orderId);
    };
  }

  has(orderId: string): boolean {
    return this.byOrder.has(orderId);
  }

  /** Calls the listeners of `orderId` (those present now); the first error is thrown after all ran. */
  call(orderId: string): void {
    const errors: unknown[] = [];
    for (const listener of [...(this.byOrder.get(orderId) ?? [])]) {
      try {
        listener();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length) throw errors[0];
  }
}

/**
 * Order events within one process: `publish` calls the listeners of that order at once. The
 * default of {@link createOrderWatch}; share one between watches of the same process.
 */
export function createMemoryEvents(): OrderEvents {
  const listeners = new ListenerTable();
  return {
    publish: async (orderId) => listeners.call(orderId),
    subscribe: (orderId, listener) => listeners.add(orderId, listener),
  };
}
