import type { HostRequestOptions } from '../core/host';
import { checkKind, optionsOf } from './check-options';

/** The part of the global `fetch` (Node 18+) that {@link fetchRequest} uses. */
export type FetchLike = (
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: string; signal?: unknown },
) => Promise<{
  status: number;
  headers: { forEach(fn: (value: string, name: string) => void): void };
  text(): Promise<string>;
}>;

/** One request sent by {@link fetchRequest}, once it settled. */
export interface FetchRecord {
  readonly method: string;
  readonly url: string;
  /** The HTTP status, when the server answered. */
  readonly statusCode?: number;
  /** `request:ok`, or the `request:fail …` the page received. */
  readonly errMsg: string;
  /** `Date.now()` when it was sent and when it settled. */
  readonly sentAt: number;
  readonly settledAt: number;
}

/** Options of {@link fetchRequest}. */
export interface FetchRequestOptions {
  /** The fetch to send with. @default the global `fetch` */
  fetch?: FetchLike;
  /** Called once per request, when it was answered or failed. @default none */
  onSettled?: (record: FetchRecord) => void;
}

/**
 * A `wx.request` that sends real HTTP through `fetch`, answering like the host does: `success`
 * with `{ statusCode, data, header, errMsg: 'request:ok' }` for any status (`data` parsed as
 * JSON when it is JSON), `fail` with `request:fail <reason>` for a network error, `timeout` or
 * `abort()`. For tests of pages against a real local server (the demo's merchant server, your own).
 *
 * @example
 * const host = createFakeHost({ request: fetchRequest() }) // or { request: 'fetch' }
 */
export function fetchRequest(
  options: FetchRequestOptions = {},
): (request: HostRequestOptions) => { abort(): void } {
  const given = optionsOf('fetchRequest', options);
  checkKind('fetchRequest', 'fetch', given.fetch, 'function');
  checkKind('fetchRequest', 'onSettled', given.onSettled, 'function');
  return (request) => {
    const send = options.fetch ?? (globalThis as { fetch?: FetchLike }).fetch;
    const method = request.method ?? 'GET';
    const sentAt = Date.now();
    const Controller = (
      globalThis as { AbortController?: new () => { signal: unknown; abort(): void } }
    ).AbortController;
    const controller = Controller ? new Controller() : undefined;
    let settled = false;
    const settle = (record: { statusCode?: number; errMsg: string }, deliver: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.onSettled?.({ method, url: request.url, sentAt, settledAt: Date.now(), ...record });
      deliver();
    };
    const fail = (reason: string) => {
      const errMsg = `request:fail ${reason}`;
      settle({ errMsg }, () => request.fail?.({ errMsg }));
      controller?.abort();
    };
    const timer = request.timeout ? setTimeout(() => fail('timeout'), request.timeout) : undefined;
    if (!send) {
      Promise.resolve().then(() => fail('no fetch in this runtime'));
      return { abort: () => fail('abort') };
    }
    // As wx.request does: GET data goes into the query string, other data is sent as JSON.
    const { url, body } = encode(method, request.url, request.data);
    const headers = { 'content-type': 'application/json', ...request.header };
    send(url, { method, headers, body, signal: controller?.signal })
      .then(async (response) => {
        const text = await response.text();
        const header: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          header[name] = value;
        });
        const answer = {
          statusCode: response.status,
          data: parseJson(text),
          header,
          errMsg: 'request:ok',
        };
        settle({ statusCode: response.status, errMsg: answer.errMsg }, () =>
          request.success?.(answer),
        );
      })
      .catch((error: { cause?: { code?: string }; message?: string }) =>
        fail(error?.cause?.code ?? error?.message ?? 'network error'),
      );
    return { abort: () => fail('abort') };
  };
}

function encode(
  method: string,
  url: string,
  data: HostRequestOptions['data'],
): { url: string; body?: string } {
  if (data === undefined) return { url };
  if (method !== 'GET')
    return { url, body: typeof data === 'string' ? data : JSON.stringify(data) };
  const query =
    typeof data === 'string'
      ? data
      : Object.keys(data)
          .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(String(data[key]))}`)
          .join('&');
  return { url: query ? `${url}${url.includes('?') ? '&' : '?'}${query}` : url };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
