import { MAX_TIMER_MS } from '../shared/time';
import type { OrderSnapshot } from '../shared/wire-types';
import { invalidArgument } from './invalid-argument';
import { OrderQueries } from './order-queries';

/** Options of a status route's active query (see `OrderStatusRouteOptions.activeQuery`). */
export interface ActiveQueryOptions {
  /**
   * Looks the order up at WeChat Pay (`GET /v3/pay/transactions/out-trade-no/{out_trade_no}`)
   * and, when it changed, applies it as the notification would: update your order (paid once:
   * whichever of the query and the notification comes second changes nothing), then
   * `watch.changed(orderId)`, which answers the held requests. It is called only while the
   * order reads pending. A request without a wait answers once it settles, so give it a time
   * limit (your SDK's timeout). A rejection is passed to `onError`; the request answers as it
   * would have without the query.
   */
  query(orderId: string): Promise<void>;
  /**
   * How long (ms) a request holds a pending order before it queries. 0: every status request
   * of a pending order queries before it answers or holds, long-poll or not, so that a payment
   * whose notification is late reads paid on its first request (3000 waits for the
   * notification first, as before, and queries only from held requests).
   * @default 0
   */
  readonly afterMs?: number;
  /**
   * The least time (ms) from the end of one query of an order to the start of the next,
   * whichever requests ask (one query in flight per order at most); a held request queries
   * again this often.
   * @default 1000
   */
  readonly intervalMs?: number;
}

/** The checked active query of one route. */
export interface ActiveQuery {
  readonly afterMs: number;
  readonly queries: OrderQueries;
}

/** Checks the options; undefined when there is no active query. */
export function readActiveQuery(
  api: string,
  options: ActiveQueryOptions | undefined,
  getOrder: (orderId: string) => Promise<OrderSnapshot | undefined>,
  onError: (error: unknown) => void,
): ActiveQuery | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null || typeof options.query !== 'function') {
    invalidArgument(api, 'activeQuery', '{ query(orderId), afterMs?, intervalMs? }', options);
  }
  const { afterMs = 0, intervalMs = 1000 } = options;
  for (const [name, value, least] of [
    ['afterMs', afterMs, 0],
    ['intervalMs', intervalMs, 1],
  ] as const) {
    if (typeof value !== 'number' || !(value >= least && value <= MAX_TIMER_MS)) {
      invalidArgument(
        api,
        `activeQuery.${name}`,
        `a number of milliseconds from ${least} to ${MAX_TIMER_MS}`,
        value,
      );
    }
  }
  const queryIfPending = async (orderId: string) => {
    try {
      // Read just before: the order may have changed since the request read it.
      if ((await getOrder(orderId))?.state === 'pending') await options.query(orderId);
    } catch (error) {
      onError(error);
    }
  };
  return { afterMs, queries: new OrderQueries(intervalMs, queryIfPending) };
}

/**
 * Runs `work` (a held wait) and, while it is unsettled, asks for a query `firstMs` after the
 * start and then whenever the order's next query is due. No timer is left once `work` settles.
 */
export async function withQueries<T>(
  queries: OrderQueries,
  orderId: string,
  firstMs: number,
  work: () => Promise<T>,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settled = false;
  const plan = (delayMs: number): void => {
    timer = setTimeout(() => {
      timer = undefined;
      void queries.ask(orderId).then(() => {
        if (!settled) plan(queries.dueInMs(orderId));
      });
    }, delayMs);
  };
  plan(firstMs);
  try {
    return await work();
  } finally {
    settled = true;
    clearTimeout(timer);
  }
}
