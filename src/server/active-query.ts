import { invalidArgument } from './invalid-argument';

/** Options of a status route's active query (see `OrderStatusRouteOptions.activeQuery`). */
export interface ActiveQueryOptions {
  /**
   * Looks the order up at WeChat Pay (`GET /v3/pay/transactions/out-trade-no/{out_trade_no}`)
   * and, when it changed, applies it as the notification would: update your order, then
   * `watch.changed(orderId)`, which answers the held request. A rejection is passed to
   * `onError` and the next query runs as planned.
   */
  query(orderId: string): Promise<void>;
  /**
   * A request that has held a pending order this long (ms) queries. 0: every status request
   * of a pending order queries once before it answers or holds, even without `waitMs`.
   * @default 3000
   */
  readonly afterMs?: number;
  /** Then again this often (ms, from the end of one query) while the request holds. @default 1000 */
  readonly intervalMs?: number;
}

/** The checked active query: `run` never rejects. */
export interface ActiveQuery {
  readonly afterMs: number;
  readonly intervalMs: number;
  run(orderId: string): Promise<void>;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/** Checks the options; undefined when there is no active query. */
export function readActiveQuery(
  api: string,
  options: ActiveQueryOptions | undefined,
  onError: (error: unknown) => void,
): ActiveQuery | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null || typeof options.query !== 'function') {
    invalidArgument(api, 'activeQuery', '{ query(orderId), afterMs?, intervalMs? }', options);
  }
  const { afterMs = 3000, intervalMs = 1000 } = options;
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
  return {
    afterMs,
    intervalMs,
    run: async (orderId) => {
      try {
        await options.query(orderId);
      } catch (error) {
        onError(error);
      }
    },
  };
}

/**
 * Runs `work` (a held wait) and, while it is unsettled, the active query `firstMs` after the
 * start and then `intervalMs` after each query ends. No timer is left once `work` settles.
 */
export async function withQueries<T>(
  query: ActiveQuery,
  orderId: string,
  firstMs: number,
  work: () => Promise<T>,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settled = false;
  const plan = (delayMs: number): void => {
    timer = setTimeout(() => {
      timer = undefined;
      void query.run(orderId).then(() => {
        if (!settled) plan(query.intervalMs);
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
