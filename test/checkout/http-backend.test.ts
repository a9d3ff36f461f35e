import {
  createCheckout,
  type HostRequestOptions,
  httpBackend,
  type OrderSnapshot,
  toOrderState,
} from 'miniprogram-pay';
import { createFakeHost } from 'miniprogram-pay/testing';
import { settle } from './helpers';

type Answer = { statusCode: number; data: unknown } | { fail: string } | 'hang';

/** A fake `wx.request` that records requests and answers with `answer(request)`. */
function fakeRequest(answer: (request: HostRequestOptions) => Answer) {
  const requests: HostRequestOptions[] = [];
  const aborted: string[] = [];
  const host = createFakeHost({
    request: (request) => {
      requests.push(request);
      const reply = answer(request);
      if (reply === 'hang') return;
      Promise.resolve().then(() =>
        'fail' in reply ? request.fail?.({ errMsg: reply.fail }) : request.success?.(reply),
      );
    },
  });
  const request = host.request as (options: HostRequestOptions) => unknown;
  host.request = (options) => {
    request(options);
    return { abort: () => aborted.push(options.url) };
  };
  return { host, requests, aborted };
}

const ORDER = {
  orderId: 'o-1',
  kind: 'payment',
  params: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=x', paySign: 's' },
  amount: 100,
};

describe('Wiring httpBackend', () => {
  test('createOrder POSTs the input as JSON to {baseUrl}/api/orders', async () => {
    const { host, requests } = fakeRequest(() => ({ statusCode: 201, data: ORDER }));
    const backend = httpBackend({ baseUrl: 'https://shop.example/', host });
    expect(await backend.createOrder({ sku: 'tea' }, {})).toEqual(ORDER);
    expect(requests[0]).toMatchObject({
      url: 'https://shop.example/api/orders',
      method: 'POST',
      data: { sku: 'tea' },
      header: { 'content-type': 'application/json' },
      timeout: 10_000,
    });
  });

  test('queryOrder GETs {baseUrl}/api/orders/{id}?waitMs=N with a timeout of waitMs + timeoutMs', async () => {
    const snapshot = { orderId: 'o/1', state: 'paid', tradeState: 'SUCCESS', amount: 100 };
    const { host, requests } = fakeRequest(() => ({ statusCode: 200, data: snapshot }));
    const backend = httpBackend({ baseUrl: 'http://localhost:3000', host, timeoutMs: 2000 });
    expect(await backend.queryOrder('o/1', { waitMs: 8000 })).toEqual(snapshot);
    expect(requests[0]).toMatchObject({
      url: 'http://localhost:3000/api/orders/o%2F1?waitMs=8000',
      method: 'GET',
      timeout: 10_000,
    });
    expect(requests[0]?.data).toBeUndefined();
  });

  test('a JSON string body is parsed', async () => {
    const { host } = fakeRequest(() => ({ statusCode: 200, data: JSON.stringify(ORDER) }));
    expect(await httpBackend({ baseUrl: 'https://a', host }).createOrder({}, {})).toEqual(ORDER);
  });

  test.each<[string, Answer, string]>([
    [
      'a 401 with a JSON body',
      { statusCode: 401, data: { error: 'token expired' } },
      'GET https://a/api/orders/o-1?waitMs=0 answered HTTP 401 Unauthorized: {"error":"token expired"}',
    ],
    [
      'a 502 from a proxy',
      { statusCode: 502, data: '<html>bad gateway</html>' },
      'GET https://a/api/orders/o-1?waitMs=0 answered HTTP 502 Bad Gateway: <html>bad gateway</html>',
    ],
    [
      'a 404 with an HTML body',
      { statusCode: 404, data: '<html>' },
      'GET https://a/api/orders/o-1?waitMs=0 answered HTTP 404 Not Found: <html>',
    ],
    [
      'a status without a reason phrase here',
      { statusCode: 599, data: '' },
      'GET https://a/api/orders/o-1?waitMs=0 answered HTTP 599 (empty body)',
    ],
    [
      'a network failure',
      { fail: 'request:fail timeout' },
      'GET https://a/api/orders/o-1?waitMs=0 failed before any answer: request:fail timeout',
    ],
    [
      'malformed JSON',
      { statusCode: 200, data: '{"state":' },
      'GET https://a/api/orders/o-1?waitMs=0 answered HTTP 200 with a body that is not JSON: {"state":',
    ],
    [
      'an empty body',
      { statusCode: 200, data: '' },
      'GET https://a/api/orders/o-1?waitMs=0 answered HTTP 200 with a body that is not JSON (empty body)',
    ],
  ])(
    '%s rejects with an error naming the request, the status and the body',
    async (_name, answer, message) => {
      const { host } = fakeRequest(() => answer);
      const backend = httpBackend({ baseUrl: 'https://a', host });
      const error = await backend.queryOrder('o-1', { waitMs: 0 }).catch((caught) => caught);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe('HttpBackendError');
      expect(error.message).toBe(message);
    },
  );

  test('the error keeps the status, the body and the cause; the body excerpt stops at 200 characters', async () => {
    const long = 'x'.repeat(500);
    const failure = { errMsg: 'request:fail timeout' };
    const statusError = await httpBackend({
      baseUrl: 'https://a',
      host: fakeRequest(() => ({ statusCode: 500, data: long })).host,
    })
      .createOrder({}, {})
      .catch((caught) => caught);
    expect(statusError).toMatchObject({ status: 500, body: long });
    expect(statusError.message).toBe(
      `POST https://a/api/orders answered HTTP 500 Internal Server Error: ${'x'.repeat(200)}…`,
    );
    const host = createFakeHost({
      request: (request) => void Promise.resolve().then(() => request.fail?.(failure)),
    });
    const networkError = await httpBackend({ baseUrl: 'https://a', host })
      .createOrder({}, {})
      .catch((caught) => caught);
    expect(networkError.cause).toBe(failure);
    expect(networkError.status).toBeUndefined();
  });

  test("a checkout's detail carries the request, so a log tells 401 from 502 from malformed JSON", async () => {
    jest.useFakeTimers();
    const answers: Answer[] = [
      { statusCode: 401, data: { error: 'token expired' } },
      { statusCode: 201, data: ORDER },
    ];
    const { host } = fakeRequest((request) =>
      request.method === 'POST'
        ? (answers.shift() as Answer)
        : { statusCode: 502, data: 'bad gateway' },
    );
    const checkout = createCheckout({
      host,
      backend: httpBackend({ baseUrl: 'https://a', host }),
      confirm: { deadlineMs: 2000 },
    });
    expect(await settle(checkout.pay({}))).toEqual({
      status: 'failed',
      code: 'create_order_failed',
      detail:
        'backend.createOrder rejected: HttpBackendError: POST https://a/api/orders answered HTTP 401 Unauthorized: {"error":"token expired"}',
    });
    expect(await settle(checkout.pay({}))).toMatchObject({
      status: 'pending',
      detail: expect.stringContaining(
        'the last query failed: backend.queryOrder rejected: HttpBackendError: GET https://a/api/orders/o-1?waitMs=0 answered HTTP 502 Bad Gateway: bad gateway',
      ),
    });
    jest.useRealTimers();
  });

  test('headers (static or per request), paths and mappings are configurable', async () => {
    let token = 't1';
    const { host, requests } = fakeRequest((request) =>
      request.method === 'POST'
        ? { statusCode: 200, data: { id: 'x-1', payment: ORDER.params } }
        : { statusCode: 200, data: { out_trade_no: 'x-1', trade_state: 'SUCCESS' } },
    );
    const backend = httpBackend({
      baseUrl: 'https://a/pay',
      host,
      headers: () => ({ authorization: `Bearer ${token}` }),
      createPath: '/v2/create',
      queryPath: (orderId) => `/v2/query?id=${orderId}`,
      toBody: (input) => ({ wrapped: input }),
      toOrder: (data) => {
        const { id, payment } = data as { id: string; payment: typeof ORDER.params };
        return { orderId: id, kind: 'payment', params: payment };
      },
      toSnapshot: (data, orderId): OrderSnapshot => ({
        orderId,
        state: toOrderState((data as { trade_state: string }).trade_state),
      }),
    });
    expect(await backend.createOrder(1, {})).toMatchObject({ orderId: 'x-1', kind: 'payment' });
    token = 't2';
    expect(await backend.queryOrder('x-1', { waitMs: 5 })).toEqual({
      orderId: 'x-1',
      state: 'paid',
    });
    expect(requests.map((request) => [request.url, request.header?.authorization])).toEqual([
      ['https://a/pay/v2/create', 'Bearer t1'],
      ['https://a/pay/v2/query?id=x-1&waitMs=5', 'Bearer t2'],
    ]);
    expect(requests[0]?.data).toEqual({ wrapped: 1 });
    const fixed = fakeRequest(() => ({ statusCode: 200, data: ORDER }));
    await httpBackend({ baseUrl: 'https://a', host: fixed.host, headers: { k: 'v' } }).createOrder(
      {},
      {},
    );
    expect(fixed.requests[0]?.header).toEqual({ 'content-type': 'application/json', k: 'v' });
  });

  test('an abort signal aborts the request task and rejects', async () => {
    const { host, aborted } = fakeRequest(() => 'hang');
    const controller = new AbortController();
    const pending = httpBackend({ baseUrl: 'https://a', host }).queryOrder('o-1', {
      waitMs: 10_000,
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toThrow(
      'GET https://a/api/orders/o-1?waitMs=10000 was aborted (signal)',
    );
    expect(aborted).toEqual(['https://a/api/orders/o-1?waitMs=10000']);
  });

  test('a host without request rejects; a missing baseUrl throws', async () => {
    const host = createFakeHost();
    delete (host as { request?: unknown }).request;
    await expect(httpBackend({ baseUrl: 'https://a', host }).createOrder({}, {})).rejects.toThrow(
      'POST https://a/api/orders cannot be sent: the host has no wx.request',
    );
    expect(() => httpBackend({} as never)).toThrow(
      "[miniprogram-pay] httpBackend: baseUrl must be your server's URL, such as 'https://shop.example.com', got undefined.",
    );
    expect(() => httpBackend({ baseUrl: 'shop.example.com' })).toThrow(/baseUrl must be/);
    expect(() => httpBackend({ baseUrl: 'https://a', timeoutMs: 0 })).toThrow(
      /httpBackend: timeoutMs must be a number of milliseconds above 0, or left out, got 0\./,
    );
  });

  test('wired into a checkout against a long-polling server', async () => {
    jest.useFakeTimers();
    let state = 'pending';
    const { host, requests } = fakeRequest((request) => {
      if (request.method === 'POST') return { statusCode: 201, data: ORDER };
      return { statusCode: 200, data: { orderId: 'o-1', state, tradeState: 'NOTPAY' } };
    });
    setTimeout(() => {
      state = 'paid';
    }, 700);
    const checkout = createCheckout({
      host,
      backend: httpBackend({ baseUrl: 'https://a', host }),
      confirm: { waitMs: 0 },
    });
    expect(await settle(checkout.pay({ sku: 1 }))).toMatchObject({
      status: 'paid',
      order: { orderId: 'o-1', state: 'paid' },
    });
    expect(requests.map((request) => request.method)).toEqual(['POST', 'GET', 'GET', 'GET']);
    jest.useRealTimers();
  });
});
