import { abortOnClose, orderIdOf, type RouteContext, splitUrl } from './route-path';

/** The part of a `node:http` (or express) request the route reads. */
export interface HttpRequestLike {
  readonly method?: string;
  readonly url?: string;
  /** express's route parameters, when mounted with `:orderId`. */
  readonly params?: unknown;
}

/** The part of a `node:http` (or express) response the route writes. */
export interface HttpResponseLike {
  statusCode: number;
  readonly writableFinished: boolean;
  setHeader(name: string, value: string): unknown;
  end(chunk: string): unknown;
  once(event: 'close', listener: () => void): unknown;
  removeListener(event: 'close', listener: () => void): unknown;
}

const INTERNAL = JSON.stringify({ error: { code: 'INTERNAL', message: 'internal error' } });

function send(res: HttpResponseLike, status: number, json: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(json);
}

/** Answers the request if it is the route's (true), or leaves it (false). */
function serve(
  context: RouteContext,
  req: HttpRequestLike,
  res: HttpResponseLike,
  onFailure: (error: unknown) => void,
): boolean {
  if (req.method !== 'GET') return false;
  const { pathname, waitMs } = splitUrl(req.url ?? '/');
  const orderId = orderIdOf(context, req.params, pathname);
  if (orderId === undefined) return false;
  const closing = abortOnClose(res);
  context
    .answer({ orderId, waitMs, signal: closing.signal })
    .then(({ status, body }) => send(res, status, JSON.stringify(body)))
    .catch(onFailure)
    .finally(closing.done);
  return true;
}

/** The `node:http` adapter: a `getOrder` error is passed to `onError` and answered 500. */
export function nodeHandler(
  context: RouteContext,
): (req: HttpRequestLike, res: HttpResponseLike) => boolean {
  return (req, res) =>
    serve(context, req, res, (error) => {
      context.onError(error);
      send(res, 500, INTERNAL);
    });
}

/** The express adapter: another request goes to `next()`, an error to `next(error)`. */
export function expressHandler(
  context: RouteContext,
): (req: HttpRequestLike, res: HttpResponseLike, next: (error?: unknown) => void) => void {
  return (req, res, next) => {
    if (!serve(context, req, res, next)) next();
  };
}
