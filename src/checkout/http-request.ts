import { type AbortSignalLike, listenToCaller } from '../core/abort-signal';
import { type PaymentHost, resolveHost } from '../core/host';
import { HttpBackendError, httpMessages as say } from './http-error';

/** One JSON request of `httpBackend`. */
export interface JsonRequest {
  readonly host: PaymentHost | undefined;
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string> | (() => Record<string, string>) | undefined;
  readonly timeoutMs: number;
  readonly signal: AbortSignalLike | undefined;
  readonly data?: string | Record<string, unknown>;
}

/**
 * Sends a request through `wx.request` and resolves its JSON body; rejects with an
 * {@link HttpBackendError} for a non-2xx status, a body that is not JSON, a network failure,
 * an abort, or a host without `wx.request`.
 */
export function sendJson({
  host,
  url,
  method,
  headers,
  timeoutMs,
  signal,
  data,
}: JsonRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let done = false;
    let task: { abort?(): void } | undefined;
    let stopCaller = () => {};
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      stopCaller();
      settle();
    };
    const fail = (
      sentence: string,
      answer?: { status?: number; body?: unknown; cause?: unknown },
    ) =>
      finish(() =>
        reject(new HttpBackendError(`${method} ${url}${sentence}`, { method, url, ...answer })),
      );
    const answered = (response: { statusCode?: unknown; data?: unknown } | undefined) => {
      const { statusCode: status, data: body } = response ?? {};
      if (typeof status !== 'number') return fail(say.noStatus);
      if (status < 200 || status > 299) return fail(say.status(status, body), { status, body });
      try {
        const json = typeof body === 'string' ? JSON.parse(body) : body;
        finish(() => resolve(json));
      } catch (error) {
        fail(say.notJson(status, body), { status, body, cause: error });
      }
    };
    try {
      const caller = listenToCaller(signal, () => {
        fail(say.aborted);
        task?.abort?.();
      });
      stopCaller = caller.stop;
      if (caller.aborted) return fail(say.aborted);
      const target = resolveHost(host);
      if (typeof target?.request !== 'function') return fail(say.noRequest);
      task = target.request({
        url,
        method,
        data,
        header: {
          'content-type': 'application/json',
          ...(typeof headers === 'function' ? headers() : headers),
        },
        timeout: timeoutMs,
        success: (response) => {
          try {
            answered(response);
          } catch (error) {
            fail(say.threw(error), { cause: error });
          }
        },
        fail: (error) => fail(say.network(error?.errMsg ?? error), { cause: error }),
      }) as typeof task;
    } catch (error) {
      fail(say.threw(error), { cause: error });
    }
  });
}
