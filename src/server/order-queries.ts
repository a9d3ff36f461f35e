/** One order's queries in a route: the one in flight, or when the last one ended. */
interface OrderQuery {
  readonly running: Promise<void> | undefined;
  readonly endedAt: number;
}

/**
 * The platform queries of one status route, per order: at most one in flight, and none sooner
 * than `intervalMs` after the last one ended, however many requests ask. A query first reads
 * the order and asks the platform only while it is pending. An order is forgotten once
 * `intervalMs` has passed since its last query (entries are kept in the order they were last
 * touched, so the expired ones are at the front).
 */
export class OrderQueries {
  private readonly byOrder = new Map<string, OrderQuery>();

  constructor(
    readonly intervalMs: number,
    /** Reads the order, queries the platform if it is pending; never rejects. */
    private readonly run: (orderId: string) => Promise<void>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Queries the order unless a query of it is in flight (then it waits for that one) or the
   * last one ended less than `intervalMs` ago. Resolves true once a query ended, false when
   * none was due. Never rejects.
   */
  async ask(orderId: string): Promise<boolean> {
    const now = this.now();
    this.forgetExpired(now);
    const last = this.byOrder.get(orderId);
    if (last?.running) {
      await last.running;
      return true;
    }
    if (last && now - last.endedAt < this.intervalMs) return false;
    const running = this.run(orderId).then(() => {
      this.touch(orderId, { running: undefined, endedAt: this.now() });
    });
    this.touch(orderId, { running, endedAt: Number.NaN });
    await running;
    return true;
  }

  /** Milliseconds until a query of the order is due (0: now, or one is in flight). */
  dueInMs(orderId: string): number {
    const last = this.byOrder.get(orderId);
    if (!last || last.running) return 0;
    return Math.max(0, last.endedAt + this.intervalMs - this.now());
  }

  private touch(orderId: string, query: OrderQuery): void {
    this.byOrder.delete(orderId);
    this.byOrder.set(orderId, query);
  }

  private forgetExpired(now: number): void {
    for (const [orderId, query] of this.byOrder) {
      if (query.running || now - query.endedAt < this.intervalMs) return;
      this.byOrder.delete(orderId);
    }
  }
}
