import { describeThrown, excerpt } from '../shared/values';
import { describeStatus } from './http-status';

/**
 * The error `httpBackend` rejects with. Its message names the request and what went wrong,
 * with the start of the body: `GET https://shop.example/api/orders/o1?waitMs=0 answered
 * HTTP 401 Unauthorized: {"error":"token expired"}`. `cause` (as in ES2022) holds what
 * `wx.request` failed with, or what was thrown.
 */
export class HttpBackendError extends Error {
  override readonly name = 'HttpBackendError';

  constructor(
    message: string,
    /** The HTTP status, when the server answered. */
    readonly status?: number,
    /** The response body as `wx.request` delivered it, when the server answered. */
    readonly body?: unknown,
    cause?: unknown,
  ) {
    super(message);
    (this as { cause?: unknown }).cause = cause;
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
