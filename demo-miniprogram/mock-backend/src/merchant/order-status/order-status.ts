import { ApiError } from '../../http/api-error';
import { createOrderStatusRoute, type OrderStatusRoute, type OrderWatch } from '../../server-kit';
import type { OrderBook } from '../order-book/order-book';
import type { OrderStatusView } from '../order-book/order-view';

export interface ActiveQueryPolicy {
  /** See `MockBackendOptions.activeQueryAfterMs`: 0 at the first status request, -1 never. */
  readonly afterMs: number;
  readonly intervalMs: number;
}

/**
 * `GET /api/orders/:orderId?waitMs=N` on the server kit's status route: answers at once unless
 * the order is pending, then holds the answer through the kit's order watch until it changes
 * or the wait ends; the kit's active query asks the platform about a pending order (at its
 * first status request by default, at most once per `intervalMs`). This keeps what the kit
 * cannot know: the mock's 404, and its close, which answers every waiting request at once.
 */
export class OrderStatusService {
  private readonly route: OrderStatusRoute;
  /** One per held request, aborted on close so that it answers at once. */
  private readonly holding = new Set<AbortController>();
  private closed = false;

  constructor(
    private readonly orders: OrderBook,
    watch: Pick<OrderWatch, 'wait'>,
    policy: ActiveQueryPolicy,
  ) {
    const query = (orderId: string) => orders.queryPlatform(orders.require(orderId));
    this.route = createOrderStatusRoute({
      watch,
      ...(policy.afterMs < 0 ? {} : { activeQuery: { query, ...policy } }),
      onError: (error) =>
        console.error(`[mock-backend] an active query failed: ${(error as Error).message}`),
    });
  }

  async status(orderId: string, waitMs: number): Promise<OrderStatusView> {
    this.orders.require(orderId);
    // A signal of its own per request: no listeners pile up on a shared one.
    const hold = new AbortController();
    if (this.closed) hold.abort();
    this.holding.add(hold);
    try {
      const answer = await this.route.answer({
        orderId,
        waitMs: String(waitMs),
        signal: hold.signal,
      });
      if (answer.status !== 200) throw new ApiError(404, 'ORDER_NOT_FOUND', `no order ${orderId}`);
      return answer.body as OrderStatusView;
    } finally {
      this.holding.delete(hold);
    }
  }

  /** Answers every waiting request now, and every later one at once (no query timer is left). */
  close(): void {
    this.closed = true;
    for (const hold of this.holding) hold.abort();
    this.holding.clear();
  }
}
