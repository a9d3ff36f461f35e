/**
 * Long-poll waiting: a status request waits until its order changes or its time is up. The
 * only seam between the status route and how changes are signalled (in memory here; the
 * server kit's order watch later).
 */
export interface OrderWaiters {
  /** Resolves on the next change of the order, after `waitMs`, or when the server closes. */
  wait(orderId: string, waitMs: number): Promise<void>;
  /** The order changed: wakes every request waiting on it. */
  changed(orderId: string): void;
  /** Answers every waiting request now, and every later one at once. */
  close(): void;
}

/** Waiters in this process's memory. */
export function createMemoryOrderWaiters(): OrderWaiters {
  const waiting = new Map<string, Set<() => void>>();
  let closed = false;

  const changed = (orderId: string): void => {
    for (const finish of [...(waiting.get(orderId) ?? [])]) finish();
  };

  return {
    wait(orderId, waitMs) {
      if (closed || waitMs <= 0) return Promise.resolve();
      return new Promise((resolve) => {
        const waiters = waiting.get(orderId) ?? new Set<() => void>();
        waiting.set(orderId, waiters);
        const finish = (): void => {
          clearTimeout(timer);
          waiters.delete(finish);
          if (waiters.size === 0 && waiting.get(orderId) === waiters) waiting.delete(orderId);
          resolve();
        };
        const timer = setTimeout(finish, waitMs);
        waiters.add(finish);
      });
    },
    changed,
    close() {
      closed = true;
      for (const orderId of [...waiting.keys()]) changed(orderId);
    },
  };
}
