import type { OrderWatch } from '../../server-kit';
import type { OrderBook } from '../order-book/order-book';
import type { OrderStatusView } from '../order-book/order-view';

export interface ActiveQueryPolicy {
  /** See `MockBackendOptions.activeQueryAfterMs`: 0 at the first status request, -1 never. */
  readonly afterMs: number;
  readonly intervalMs: number;
  readonly now: () => number;
}

/**
 * `GET /api/orders/:orderId?waitMs=N`: answers at once unless the order is pending, then holds
 * the answer through the server kit's order watch until it changes or the wait ends. A pending
 * order whose notification is late (counted from its first status request; by default at that
 * request) is queried at the platform, once due and then every `intervalMs` while a request
 * waits: one query in flight per order at most, none within `intervalMs` of the last one's end.
 *
 * (The kit's `createOrderStatusRoute` queries by the same rule but counts a non-zero delay from
 * each request's hold, and cannot be told that the server is closing; this route keeps the
 * mock's clock and answers every waiting request at once on close.)
 */
export class OrderStatusService {
  private readonly firstAskedAt = new Map<string, number>();
  /** When the last query of each order ended. */
  private readonly lastQueriedAt = new Map<string, number>();
  private readonly queriesInFlight = new Map<string, Promise<void>>();
  private readonly queryTimers = new Set<NodeJS.Timeout>();
  /** One per held wait, aborted on close so that it answers at once. */
  private readonly holding = new Set<AbortController>();
  private closed = false;

  constructor(
    private readonly orders: OrderBook,
    private readonly watch: Pick<OrderWatch, 'wait'>,
    private readonly policy: ActiveQueryPolicy,
  ) {}

  async status(orderId: string, waitMs: number): Promise<OrderStatusView> {
    const order = this.orders.require(orderId);
    if (this.orders.stateOf(order) !== 'pending') {
      this.forget(orderId);
      return this.orders.view(order);
    }
    if (!this.firstAskedAt.has(orderId)) this.firstAskedAt.set(orderId, this.policy.now());
    if (this.isQueryDue(orderId)) await this.query(orderId);
    if (this.orders.stateOf(order) === 'pending' && waitMs > 0) {
      await this.waitWithQueries(orderId, waitMs);
    }
    return this.orders.view(this.orders.require(orderId));
  }

  /** Answers every waiting request now (and every later one at once); stops query timers. */
  close(): void {
    this.closed = true;
    for (const hold of this.holding) hold.abort();
    this.holding.clear();
    for (const timer of this.queryTimers) clearTimeout(timer);
    this.queryTimers.clear();
  }

  private async waitWithQueries(orderId: string, waitMs: number): Promise<void> {
    const deadline = this.policy.now() + waitMs;
    let timer: NodeJS.Timeout | undefined;
    let waiting = true;
    const armNextQuery = (): void => {
      if (!waiting) return;
      const dueAt = this.nextQueryAt(orderId);
      if (dueAt === undefined || dueAt >= deadline) return;
      timer = setTimeout(
        () => {
          if (timer) this.queryTimers.delete(timer);
          void this.query(orderId).then(armNextQuery);
        },
        Math.max(0, dueAt - this.policy.now()),
      );
      this.queryTimers.add(timer);
    };
    armNextQuery();
    try {
      await this.hold(orderId, waitMs);
    } finally {
      waiting = false;
      if (timer) {
        clearTimeout(timer);
        this.queryTimers.delete(timer);
      }
      timer = undefined;
    }
  }

  /** Holds through the watch; at once once closed (a signal of its own: no shared listeners). */
  private async hold(orderId: string, waitMs: number): Promise<void> {
    const hold = new AbortController();
    if (this.closed) hold.abort();
    this.holding.add(hold);
    try {
      await this.watch.wait(orderId, { waitMs, signal: hold.signal });
    } finally {
      this.holding.delete(hold);
    }
  }

  private forget(orderId: string): void {
    this.firstAskedAt.delete(orderId);
    this.lastQueriedAt.delete(orderId);
  }

  private nextQueryAt(orderId: string): number | undefined {
    const order = this.orders.find(orderId);
    if (this.policy.afterMs < 0 || !order || this.orders.stateOf(order) !== 'pending') {
      return undefined;
    }
    const lastQuery = this.lastQueriedAt.get(orderId);
    if (lastQuery !== undefined) return lastQuery + this.policy.intervalMs;
    return (this.firstAskedAt.get(orderId) ?? this.policy.now()) + this.policy.afterMs;
  }

  private isQueryDue(orderId: string): boolean {
    if (this.queriesInFlight.has(orderId)) return true;
    const dueAt = this.nextQueryAt(orderId);
    return dueAt !== undefined && dueAt <= this.policy.now();
  }

  /** The order's query in flight, or a new one; never rejects (a failure is logged). */
  private query(orderId: string): Promise<void> {
    const inFlight = this.queriesInFlight.get(orderId);
    if (inFlight) return inFlight;
    const query = this.queryIfPending(orderId)
      .catch((error: unknown) => {
        console.error(`[mock-backend] the active query of ${orderId} failed: ${String(error)}`);
      })
      .finally(() => {
        this.queriesInFlight.delete(orderId);
        this.lastQueriedAt.set(orderId, this.policy.now());
      });
    this.queriesInFlight.set(orderId, query);
    return query;
  }

  private async queryIfPending(orderId: string): Promise<void> {
    await this.orders.deps.refresh(); // another instance may have changed it meanwhile
    const order = this.orders.find(orderId);
    if (order && this.orders.stateOf(order) === 'pending') await this.orders.queryPlatform(order);
  }
}
