/**
 * Long-poll support: status requests wait here until their order changes, their time is up,
 * or the server closes (`releaseAll`).
 */
export class OrderWaiters {
  private readonly waiting = new Map<string, Set<() => void>>();
  private released = false;

  /** Resolves on the next change of the order, after `timeoutMs`, or on release. */
  wait(orderId: string, timeoutMs: number): Promise<void> {
    if (this.released || timeoutMs <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const waiters = this.waiting.get(orderId) ?? new Set<() => void>();
      this.waiting.set(orderId, waiters);
      const finish = (): void => {
        clearTimeout(timer);
        waiters.delete(finish);
        if (waiters.size === 0 && this.waiting.get(orderId) === waiters)
          this.waiting.delete(orderId);
        resolve();
      };
      const timer = setTimeout(finish, timeoutMs);
      waiters.add(finish);
    });
  }

  notifyChanged(orderId: string): void {
    for (const finish of [...(this.waiting.get(orderId) ?? [])]) finish();
  }

  /** Answers every waiting request now and every later one at once. */
  releaseAll(): void {
    this.released = true;
    for (const orderId of [...this.waiting.keys()]) this.notifyChanged(orderId);
  }

  get size(): number {
    let count = 0;
    for (const waiters of this.waiting.values()) count += waiters.size;
    return count;
  }
}
