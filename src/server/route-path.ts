import { invalidArgument } from './invalid-argument';

/** A route path with one `:orderId` segment, e.g. `/api/orders/:orderId`, as a matcher. */
export function compilePath(api: string, path: unknown): (pathname: string) => string | undefined {
  if (typeof path !== 'string' || !/^\/(?:[^:]*\/)?:orderId(?:\/[^:]*)?$/.test(path)) {
    invalidArgument(
      api,
      'path',
      'a path with one :orderId segment, e.g. "/api/orders/:orderId"',
      path,
    );
  }
  const [before = '', after = ''] = path.split(':orderId');
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${literal(before)}([^/]+)${literal(after)}$`);
  return (pathname) => pattern.exec(pathname)?.[1];
}

/** The path and the `waitMs` parameter of a request URL (path and query, as node gives it). */
export function splitUrl(url: string): { pathname: string; waitMs: string | string[] | undefined } {
  const question = url.indexOf('?');
  const pathname = question < 0 ? url : url.slice(0, question);
  const values = question < 0 ? [] : new URLSearchParams(url.slice(question + 1)).getAll('waitMs');
  return { pathname, waitMs: values.length > 1 ? values : values[0] };
}

/** What each framework's adapter needs from the route. */
export interface RouteContext {
  /** The `:orderId` segment of a path (still percent-encoded), or undefined for another path. */
  readonly match: (pathname: string) => string | undefined;
  readonly answer: (request: {
    orderId: string;
    waitMs?: unknown;
    signal?: AbortSignal;
  }) => Promise<{ status: number; body: unknown }>;
  readonly onError: (error: unknown) => void;
}

/** The order id of a request: a router's decoded `params.orderId`, or the matched path segment. */
export function orderIdOf(
  context: RouteContext,
  params: unknown,
  pathname: string,
): string | undefined {
  const fromRouter = (params as { orderId?: unknown } | undefined)?.orderId;
  if (typeof fromRouter === 'string' && fromRouter !== '') return fromRouter;
  const segment = context.match(pathname);
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** An AbortSignal that aborts when the response closes before it was sent (the client left). */
export function abortOnClose(res: {
  readonly writableFinished: boolean;
  once(event: 'close', listener: () => void): unknown;
  removeListener(event: 'close', listener: () => void): unknown;
}): { signal: AbortSignal; done(): void } {
  const controller = new AbortController();
  const onClose = () => {
    if (!res.writableFinished) controller.abort();
  };
  res.once('close', onClose);
  return { signal: controller.signal, done: () => void res.removeListener('close', onClose) };
}
