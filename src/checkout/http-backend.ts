import type { AbortSignalLike } from '../core/abort-signal';
import type { PaymentHost } from '../core/host';
import { DEFAULT_CREATE_PATH, DEFAULT_REQUEST_TIMEOUT_MS } from '../defaults';
import { optionError } from '../shared/option-error';
import { MAX_TIMER_MS } from '../shared/time';
import type { OrderSnapshot, PreparedOrder } from '../shared/wire-types';
import { sendJson } from './http-request';
import { TAG } from './tag';
import type { PaymentBackend } from './types';

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
 * `waitMs` until the state changes, if the server long-polls; `miniprogram-pay/server` mounts
 * it). A non-2xx status, a network failure or a body that is not JSON rejects with an
 * `HttpBackendError` whose message names the request, the status and the body.
 *
 * @example
 * const backend = httpBackend({ baseUrl: 'https://shop.example', headers: () => ({ token }) })
 */
export function httpBackend(options: HttpBackendOptions): PaymentBackend {
  const {
    baseUrl,
    host,
    headers,
    toBody,
    toOrder,
    toSnapshot,
    queryPath,
    createPath = DEFAULT_CREATE_PATH,
    timeoutMs = DEFAULT_REQUEST_TIMEOUT_MS,
  } = options ?? ({} as HttpBackendOptions);
  if (typeof baseUrl !== 'string' || !/^\w+:\/\/\S+$/.test(baseUrl)) {
    throw optionError(
      TAG,
      'httpBackend',
      'baseUrl',
      "your server's URL, such as 'https://shop.example.com'",
      baseUrl,
    );
  }
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS)) {
    throw optionError(
      TAG,
      'httpBackend',
      'timeoutMs',
      'a number of milliseconds above 0, or left out',
      timeoutMs,
    );
  }
  const origin = baseUrl.replace(/\/+$/, '');
  const send = (
    method: 'GET' | 'POST',
    path: string,
    timeout: number,
    signal?: AbortSignalLike,
    data?: string | Record<string, unknown>,
  ) => sendJson({ host, url: origin + path, method, headers, timeoutMs: timeout, signal, data });

  return {
    async createOrder(input, { signal }) {
      const body = toBody ? toBody(input) : (input as Record<string, unknown>);
      const data = await send('POST', createPath, timeoutMs, signal, body ?? {});
      return (toOrder ? toOrder(data) : data) as PreparedOrder;
    },
    async queryOrder(orderId, { waitMs, signal }) {
      const path = queryPath?.(orderId) || `/api/orders/${encodeURIComponent(orderId)}`;
      const query = `${path.includes('?') ? '&' : '?'}waitMs=${waitMs}`;
      const data = await send('GET', path + query, timeoutMs + waitMs, signal);
      return (toSnapshot ? toSnapshot(data, orderId) : data) as OrderSnapshot;
    },
  };
}
