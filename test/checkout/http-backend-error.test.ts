// Errors a developer can catch: httpBackend rejects with an HttpBackendError whose properties
// say what the message says, and isHttpBackendError tells it from any other error, also when it
// comes from another copy of the library (another bundle, another realm).
import { runInNewContext } from 'node:vm';
import { HttpBackendError, httpBackend, isHttpBackendError } from 'miniprogram-pay';
import { createFakeHost } from 'miniprogram-pay/testing';

/** A backend whose every request answers `answer` (or fails with it) on the next microtask. */
function backendAnswering(answer: { statusCode: number; data: unknown } | { fail: unknown }) {
  const host = createFakeHost({
    request: (request) =>
      void Promise.resolve().then(() =>
        'fail' in answer
          ? request.fail?.(answer.fail as { errMsg: string })
          : request.success?.(answer),
      ),
  });
  return httpBackend({ baseUrl: 'https://shop.example/pay/', host });
}

describe('HttpBackendError: what the message says is also data', () => {
  it('a non-2xx answer: method, the full URL, status and body, no cause', async () => {
    const body = { error: 'token expired' };
    const error = await backendAnswering({ statusCode: 401, data: body })
      .queryOrder('o 1', { waitMs: 2500 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpBackendError);
    expect(error).toMatchObject({
      name: 'HttpBackendError',
      method: 'GET',
      url: 'https://shop.example/pay/api/orders/o%201?waitMs=2500',
      status: 401,
      body,
      message:
        'GET https://shop.example/pay/api/orders/o%201?waitMs=2500 answered HTTP 401 Unauthorized: {"error":"token expired"}',
    });
    expect((error as HttpBackendError).cause).toBeUndefined();
  });

  it('a network failure: the request and what wx.request failed with, no status', async () => {
    const failure = { errMsg: 'request:fail timeout' };
    const error = (await backendAnswering({ fail: failure })
      .createOrder({ sku: 'tea' }, {})
      .catch((caught: unknown) => caught)) as HttpBackendError;
    expect(error).toMatchObject({
      method: 'POST',
      url: 'https://shop.example/pay/api/orders',
      cause: failure,
    });
    expect(error.status).toBeUndefined();
    expect(error.body).toBeUndefined();
  });

  it('a body that is not JSON: the status, the body and the parse error as cause', async () => {
    const error = (await backendAnswering({ statusCode: 200, data: '{"state":' })
      .queryOrder('o1', { waitMs: 0 })
      .catch((caught: unknown) => caught)) as HttpBackendError;
    expect(error).toMatchObject({ status: 200, body: '{"state":' });
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });
});

describe('isHttpBackendError', () => {
  it('is true for the errors httpBackend rejects with', async () => {
    const error = await backendAnswering({ statusCode: 502, data: '' })
      .createOrder({}, {})
      .catch((caught: unknown) => caught);
    expect(isHttpBackendError(error)).toBe(true);
  });

  it('is true for one made by another copy of the library, which instanceof misses', () => {
    let Other: typeof HttpBackendError | undefined;
    jest.isolateModules(() => {
      Other = require('miniprogram-pay').HttpBackendError;
    });
    if (!Other) throw new Error('the second copy did not load');
    const error = new Other('GET https://a/x answered HTTP 500', {
      method: 'GET',
      url: 'https://a/x',
    });
    expect(Other).not.toBe(HttpBackendError);
    expect(error instanceof HttpBackendError).toBe(false);
    expect(isHttpBackendError(error)).toBe(true);
  });

  it('is true for one named so in another realm, false for its other errors', () => {
    const [ours, theirs] = runInNewContext(`
      const ours = new Error('GET https://a/x answered HTTP 500');
      ours.name = 'HttpBackendError';
      [ours, new TypeError('x')];
    `);
    expect(isHttpBackendError(ours)).toBe(true);
    expect(isHttpBackendError(theirs)).toBe(false);
  });

  it.each([
    ['another error', new TypeError('HttpBackendError')],
    ['the name alone, as a string', 'HttpBackendError'],
    ['null', null],
    ['undefined', undefined],
    ['a number', 404],
    [
      'a Proxy whose traps throw',
      new Proxy(
        {},
        {
          get() {
            throw new Error('trap');
          },
          getPrototypeOf() {
            throw new Error('trap');
          },
        },
      ),
    ],
  ])('is false, never throwing, for %s', (_name, value) => {
    expect(isHttpBackendError(value)).toBe(false);
  });
});
