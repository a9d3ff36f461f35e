import type { HttpResponseLike } from './route-http';
import { abortOnClose, orderIdOf, type RouteContext } from './route-path';

/** The part of a koa context the route reads and writes. */
export interface KoaContextLike {
  readonly method: string;
  /** The path, still percent-encoded. */
  readonly path: string;
  /** The raw query string, without `?`. */
  readonly querystring: string;
  /** `@koa/router`'s parameters, when mounted with `:orderId`. */
  readonly params?: unknown;
  readonly res: Pick<HttpResponseLike, 'writableFinished' | 'once' | 'removeListener'>;
  status: number;
  body: unknown;
  set(field: string, value: string): void;
}

/** The koa adapter: another request goes to `next()`; a `getOrder` error is thrown to koa. */
export function koaMiddleware(
  context: RouteContext,
): (ctx: KoaContextLike, next: () => Promise<unknown>) => Promise<void> {
  return async (ctx, next) => {
    const orderId = ctx.method === 'GET' ? orderIdOf(context, ctx.params, ctx.path) : undefined;
    if (orderId === undefined) {
      await next();
      return;
    }
    const values = new URLSearchParams(ctx.querystring).getAll('waitMs');
    const closing = abortOnClose(ctx.res);
    try {
      const { status, body } = await context.answer({
        orderId,
        waitMs: values.length > 1 ? values : values[0],
        signal: closing.signal,
      });
      ctx.status = status;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = body;
    } finally {
      closing.done();
    }
  };
}
