import { type AbortSignalLike, onAbort } from '../core/abort-signal';
import { type PaymentHost, resolveHost } from '../core/host';
import { invalid } from './config';
import type { OrderSnapshot, PaymentBackend, PreparedOrder } from './types';

/** Options of {@link httpBackend}. */
export interface HttpBackendOptions {
  /** Your server's origin and base path, e.g. `https://shop.example/pay`. Required. */
  readonly baseUrl: string;
  /** The host whose `request` is used. @default the global `wx` */
  readonly host?: PaymentHost;
  /** Path of the POST that creates an order. @default '/api/orders' */
  readonly createPath?: string;
  /**
   * Path of the GET that reads an order; `?waitMs=N` is appended.
   * @default (orderId) => `/api/orders/${encodeURIComponent(orderId)}`
   */
  readonly queryPath?: (orderId: string) => string;
  /**
   * Headers of every request, or a function that returns them per request (a fresh token).
   * @default none
   * @example headers: () => ({ authorization: `Bearer ${getApp().globalData.token}` })
   */
  readonly headers?: Record<string, string> | (() => Record<string, string>);
  /** Time limit of one request; a status query gets `waitMs` more. @default 10000 */
  readonly timeoutMs?: number;
  /** The JSON body of the create request, from `pay()`'s input. @default the input itself */
  readonly toBody?: (input: unknown) => string | Record<string, unknown>;
  /** Reads the create response's JSON into an order. @default the JSON itself */
  readonly toOrder?: (data: unknown) => PreparedOrder;
  /**
   * Reads the query response's JSON into a snapshot; see {@link toOrderState}.
   * @default the JSON itself
   * @example toSnapshot: (data) => ({ orderId: data.out_trade_no, state: toOrderState(data.trade_state) })
   */
  readonly toSnapshot?: (data: unknown, orderId: string) => OrderSnapshot;
}

/**
 * A {@link PaymentBackend} over the host's `wx.request`, for a server with two JSON routes:
 * `POST {baseUrl}/api/orders` answering `{ orderId, kind, params }` and
 * `GET {baseUrl}/api/orders/{orderId}?waitMs=N` answering `{ orderId, state }` (held up to
 * `waitMs` until the state changes, if the server long-polls). A non-2xx status, a network
 * failure or a body that is not JSON rejects with an error that says which.
 *
 * @example
 * const backend = httpBackend({ baseUrl: 'https://shop.example', headers: () => ({ token }) })
 */
export function httpBackend(options: HttpBackendOptions): PaymentBackend {
  const { baseUrl, host, headers, toSnapshot, timeoutMs = 10000 } = options;
  if (typeof baseUrl !== 'string' || !baseUrl) invalid('baseUrl', 'a URL', 'httpBackend');
  const send = (
    method: 'GET' | 'POST',
    path: string,
    timeout: number,
    signal?: AbortSignalLike,
    data?: string | Record<string, unknown>,
  ) =>
    new Promise<unknown>((resolve, reject) => {
      const url = baseUrl.replace(/\/+$/, '') + path;
      const request = resolveHost(host)?.request;
      let task: { abort?(): void } | undefined;
      const fail = (why: string) => {
        stop();
        task?.abort?.();
        reject(new Error(`${method} ${url} ${why}`));
      };
      const stop = onAbort(signal, () => fail('aborted'));
      if (signal?.aborted || !request) return fail(request ? 'aborted' : 'failed: no wx.request');
      task = request({
        url,
        method,
        data,
        header: {
          'content-type': 'application/json',
          ...(typeof headers === 'function' ? headers() : headers),
        },
        timeout,
        success(response) {
          const { statusCode: status, data: body } = response || ({} as never);
          let why = `HTTP ${status}`;
          try {
            if (status >= 200 && status < 300) {
              why = 'malformed JSON';
              resolve(typeof body === 'string' ? JSON.parse(body) : body);
              return stop();
            }
          } catch {}
          fail(`answered ${why}`);
        },
        fail: (error) => fail(`failed: ${error?.errMsg}`),
      }) as typeof task;
    });

  return {
    createOrder: (input, { signal }) =>
      Promise.resolve(input)
        .then(options.toBody)
        .then((body) =>
          send('POST', options.createPath || '/api/orders', timeoutMs, signal, body || {}),
        )
        .then(options.toOrder) as Promise<PreparedOrder>,
    queryOrder(orderId, { waitMs, signal }) {
      const path = options.queryPath?.(orderId) || `/api/orders/${encodeURIComponent(orderId)}`;
      return send(
        'GET',
        `${path + (path.includes('?') ? '&' : '?')}waitMs=${waitMs}`,
        timeoutMs + waitMs,
        signal,
      ).then(toSnapshot && ((data) => toSnapshot(data, orderId))) as Promise<OrderSnapshot>;
    },
  };
}
