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

describe('httpBackend', () => {
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

  test.each<[string, Answer, RegExp]>([
    [
      'a non-2xx status',
      { statusCode: 500, data: { message: 'db down' } },
      /^GET https:\/\/a\/api\/orders\/o-1\?waitMs=0 answered HTTP 500$/,
    ],
    ['a 404 with an HTML body', { statusCode: 404, data: '<html>' }, /answered HTTP 404$/],
    ['a network failure', { fail: 'request:fail timeout' }, /failed: request:fail timeout$/],
    ['malformed JSON', { statusCode: 200, data: '{"state":' }, /answered malformed JSON$/],
    ['an empty body', { statusCode: 200, data: '' }, /answered malformed JSON$/],
  ])('%s rejects with an error that says which', async (_name, answer, message) => {
    const { host } = fakeRequest(() => answer);
    const backend = httpBackend({ baseUrl: 'https://a', host });
    await expect(backend.queryOrder('o-1', { waitMs: 0 })).rejects.toThrow(message);
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
    await expect(pending).rejects.toThrow(/aborted/);
    expect(aborted).toEqual(['https://a/api/orders/o-1?waitMs=10000']);
  });

  test('a host without request rejects; a missing baseUrl throws', async () => {
    const host = createFakeHost();
    delete (host as { request?: unknown }).request;
    await expect(httpBackend({ baseUrl: 'https://a', host }).createOrder({}, {})).rejects.toThrow(
      /no wx.request/,
    );
    expect(() => httpBackend({} as never)).toThrow(/^\[miniprogram-pay\] httpBackend: baseUrl/);
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
