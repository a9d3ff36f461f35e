import type { PaymentHost } from '../src/index';

/**
 * A `PaymentHost` whose `request` is Node's fetch, so the library's own `httpBackend` talks
 * to the mock backend over loopback exactly as it would through `wx.request`. Counts requests.
 */
export function createNodeHost(): PaymentHost & { requests: number } {
  const host = {
    requests: 0,
    request: (options: Parameters<NonNullable<PaymentHost['request']>>[0]) => {
      host.requests++;
      const controller = new AbortController();
      fetch(options.url, {
        method: options.method ?? 'GET',
        headers: options.header,
        body: options.data === undefined ? undefined : JSON.stringify(options.data),
        signal: controller.signal,
      })
        .then(async (response) => {
          const text = await response.text();
          options.success?.({ statusCode: response.status, data: parseJson(text) });
        })
        .catch((error: Error) => options.fail?.({ errMsg: `request:fail ${error.message}` }));
      return { abort: () => controller.abort() };
    },
  };
  return host;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
