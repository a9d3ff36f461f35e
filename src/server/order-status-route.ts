import { describeValue } from '../shared/values';
import type { OrderSnapshot } from '../shared/wire-types';
import { type ActiveQueryOptions, readActiveQuery, withQueries } from './active-query';
import { invalidArgument, TAG } from './invalid-argument';
import type { OrderWatch } from './order-watch';
import { type FastifyLike, fastifyPlugin } from './route-fastify';
import {
  expressHandler,
  type HttpRequestLike,
  type HttpResponseLike,
  nodeHandler,
} from './route-http';
import { type KoaContextLike, koaMiddleware } from './route-koa';
import { compilePath } from './route-path';

/** Options of {@link createOrderStatusRoute}. */
export interface OrderStatusRouteOptions {
  /** The watch whose `wait` reads and holds the order. */
  readonly watch: Pick<OrderWatch, 'wait'>;
  /** The route, with one `:orderId` segment. @default '/api/orders/:orderId' */
  readonly path?: string;
  /** The JSON answered for an order. @default the snapshot itself: `{ orderId, state, ...extra }` */
  readonly toBody?: (order: OrderSnapshot) => unknown;
  /**
   * Query WeChat Pay about a pending order, at its first status request by default, so that
   * a late notification keeps nobody waiting (about one platform query per payment).
   * @default none (notifications only)
   */
  readonly activeQuery?: ActiveQueryOptions;
  /**
   * Receives what failed without a request to fail: an active query's rejection (or that of
   * the read just before it), and for `node` (which has no error handler) a `getOrder` error
   * answered 500.
   * @default logs with console.error
   */
  readonly onError?: (error: unknown) => void;
}

/** A status answer: the HTTP status and the JSON body. */
export interface OrderStatusAnswer {
  readonly status: 200 | 400 | 404;
  readonly body: unknown;
}

/** `GET /api/orders/:orderId?waitMs=N`, for each framework. */
export interface OrderStatusRoute {
  /** The route's path, e.g. `/api/orders/:orderId`. */
  readonly path: string;
  /**
   * Answers one request, whatever the framework: 200 with the order, 404 `{ error: { code:
   * 'ORDER_NOT_FOUND', message } }`, 400 for a bad `waitMs`. Rejects with `getOrder`'s error.
   */
  answer(request: {
    orderId: string;
    waitMs?: unknown;
    signal?: AbortSignal;
  }): Promise<OrderStatusAnswer>;
  /** `node:http`: answers and returns true when the request is this route's, else returns false. */
  readonly node: (req: HttpRequestLike, res: HttpResponseLike) => boolean;
  /** express: `app.use(route.express)` or `app.get(route.path, route.express)`. */
  readonly express: (
    req: HttpRequestLike,
    res: HttpResponseLike,
    next: (error?: unknown) => void,
  ) => void;
  /** koa: `app.use(route.koa)` (or on a `@koa/router` route with `:orderId`). */
  readonly koa: (ctx: KoaContextLike, next: () => Promise<unknown>) => Promise<void>;
  /** fastify: `app.register(route.fastify)`. */
  readonly fastify: (instance: FastifyLike) => Promise<void>;
}

const WAIT_MS = /^[0-9]{1,9}$/;

const errorBody = (code: string, message: string) => ({ error: { code, message } });

/**
 * The order status route the client's `httpBackend` speaks: `GET /api/orders/:orderId?waitMs=N`
 * answers the order as JSON, held up to `waitMs` (long-poll, through the watch) while it is
 * pending. Mount it on `node:http`, express, koa or fastify; no framework is imported.
 *
 * @example
 * const route = createOrderStatusRoute({ watch })
 * app.use(route.express) // or http.createServer((req, res) => route.node(req, res) || other(req, res))
 */
export function createOrderStatusRoute(options: OrderStatusRouteOptions): OrderStatusRoute {
  const api = 'createOrderStatusRoute';
  if (typeof options !== 'object' || options === null)
    invalidArgument(api, 'its options', '{ watch }', options);
  const {
    watch,
    path = '/api/orders/:orderId',
    toBody = (order: OrderSnapshot) => order,
  } = options;
  const onError =
    options.onError ?? ((error) => console.error(`${TAG} order status route:`, error));
  if (typeof watch?.wait !== 'function')
    invalidArgument(api, 'watch', 'an OrderWatch (createOrderWatch)', watch);
  if (typeof toBody !== 'function')
    invalidArgument(api, 'toBody', 'a function (order) => JSON', toBody);
  if (typeof onError !== 'function') invalidArgument(api, 'onError', 'a function', onError);
  const match = compilePath(api, path);
  const readNow = (orderId: string) => watch.wait(orderId, { waitMs: 0 });
  const activeQuery = readActiveQuery(api, options.activeQuery, readNow, onError);

  const read = async (orderId: string, waitMs: number, signal?: AbortSignal) => {
    if (!activeQuery) return watch.wait(orderId, { waitMs, signal });
    const { afterMs, queries } = activeQuery;
    let firstMs = afterMs;
    if (afterMs === 0) {
      const first = await readNow(orderId);
      if (first?.state !== 'pending') return first;
      if (waitMs === 0) return (await queries.ask(orderId)) ? readNow(orderId) : first;
      // Held, the request hears the query's update through the watch, and its wait bounds it.
      void queries.ask(orderId);
      firstMs = queries.dueInMs(orderId);
    }
    return withQueries(queries, orderId, firstMs, () => watch.wait(orderId, { waitMs, signal }));
  };

  const answer: OrderStatusRoute['answer'] = async ({ orderId, waitMs, signal }) => {
    if (typeof orderId !== 'string' || orderId === '') {
      return {
        status: 404,
        body: errorBody('ORDER_NOT_FOUND', `no order ${describeValue(orderId)}`),
      };
    }
    if (waitMs !== undefined && (typeof waitMs !== 'string' || !WAIT_MS.test(waitMs))) {
      return {
        status: 400,
        body: errorBody(
          'INVALID_WAIT_MS',
          `waitMs must be a whole number of milliseconds (up to 9 digits); got ${describeValue(waitMs)}.`,
        ),
      };
    }
    const order = await read(orderId, Number(waitMs ?? 0), signal);
    if (!order)
      return {
        status: 404,
        body: errorBody('ORDER_NOT_FOUND', `no order ${JSON.stringify(orderId)}`),
      };
    return { status: 200, body: toBody(order) };
  };

  const context = { match, answer, onError };
  return {
    path,
    answer,
    node: nodeHandler(context),
    express: expressHandler(context),
    koa: koaMiddleware(context),
    fastify: fastifyPlugin({ path, answer }),
  };
}
