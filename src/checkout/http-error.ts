import { describeThrown, excerpt } from '../shared/values';
import { describeStatus } from './http-status';

/** What an {@link HttpBackendError} knows of its request, beside its message. */
export interface HttpBackendErrorDetails {
  /** The request's method. */
  readonly method: 'GET' | 'POST';
  /** The full URL requested, its query included. */
  readonly url: string;
  /** The HTTP status, when the server answered. */
  readonly status?: number;
  /** The response body as `wx.request` delivered it, when the server answered. */
  readonly body?: unknown;
  /** What `wx.request` failed with, or what was thrown. */
  readonly cause?: unknown;
}

/**
 * The error `httpBackend` rejects with. Its message names the request and what went wrong,
 * with the start of the body: `GET https://shop.example/api/orders/o1?waitMs=0 answered
 * HTTP 401 Unauthorized: {"error":"token expired"}`; its properties hold the same as data
 * (`method`, `url`, `status`, `body`, and `cause` as in ES2022). Tell it from other errors with
 * {@link isHttpBackendError}.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface adds only `cause`, set by Object.assign
export class HttpBackendError extends Error implements HttpBackendErrorDetails {
  override readonly name = 'HttpBackendError';
  declare readonly method: 'GET' | 'POST';
  declare readonly url: string;
  declare readonly status?: number;
  declare readonly body?: unknown;

  constructor(message: string, details: HttpBackendErrorDetails) {
    super(message);
    Object.assign(this, details);
  }
}

// `cause` is declared here, as the constructor assigns it: ES2019's Error has none to
// extend, ES2022's has one that a class field would have to override.
export interface HttpBackendError {
  readonly cause?: unknown;
}

/**
 * Whether `value` is an {@link HttpBackendError}: an instance, or an error named
 * `HttpBackendError` from another copy of the library (another bundle, another realm), as
 * ky's `isHTTPError` tells its errors. Never throws.
 *
 * @example
 * const order = await backend.createOrder(input, {}).catch((error) => {
 *   if (isHttpBackendError(error) && error.status === 401) return login().then(retry)
 *   throw error
 * })
 */
export function isHttpBackendError(value: unknown): value is HttpBackendError {
  try {
    return (
      value instanceof HttpBackendError ||
      (value as { name?: unknown } | null)?.name === 'HttpBackendError'
    );
  } catch {
    // A Proxy whose traps throw is no error of ours.
    return false;
  }
}

/** `: <the first 200 characters of the body>`, or ` (empty body)`. */
export function bodyExcerpt(body: unknown): string {
  let text = '';
  try {
    text = typeof body === 'string' ? body : (JSON.stringify(body) ?? '');
  } catch {
    // A body JSON cannot write (a cycle) is left out.
  }
  return text ? `: ${excerpt(text, 200)}` : ' (empty body)';
}

/** The sentences of each way a request fails, after `<method> <url>`. */
export const httpMessages = {
  status: (status: number, body: unknown) =>
    ` answered HTTP ${describeStatus(status)}${bodyExcerpt(body)}`,
  notJson: (status: number, body: unknown) =>
    ` answered HTTP ${describeStatus(status)} with a body that is not JSON${bodyExcerpt(body)}`,
  noStatus: ' answered without an HTTP status',
  network: (errMsg: unknown) =>
    ` failed before any answer: ${typeof errMsg === 'string' && errMsg ? errMsg : describeThrown(errMsg)}`,
  aborted: ' was aborted (signal)',
  noRequest: ' cannot be sent: the host has no wx.request',
  threw: (thrown: unknown) => ` could not be sent: ${describeThrown(thrown)}`,
};
