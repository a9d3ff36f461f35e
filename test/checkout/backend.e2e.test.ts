// End to end over real HTTP: httpBackend + createCheckout against the demo's merchant server,
// with a host whose cashier is the WeChat Pay simulator's (/sim/cashier), both behind
// `npm run backend`.
import { type Backend, startBackend } from '../../scripts/lib/backend';
import { createCheckout, httpBackend } from '../../src';
import { createFakeHost } from '../../src/testing';
import { call, TEST_KEYS, TEST_PLATFORM_KEYS } from '../merchant-server/helpers/servers';

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend({ keys: TEST_KEYS, platformKeys: TEST_PLATFORM_KEYS });
});

afterAll(async () => {
  await backend?.close();
});

/**
 * A host doing real HTTP for `request` (the testing kit's fetch bridge), and paying through the
 * simulated cashier.
 */
function networkHost(action: 'pay' | 'cancel' | 'fail', extra: object = {}) {
  const host = createFakeHost({ request: 'fetch' });
  host.requestPayment = ({ success, fail, complete, ...params }) => {
    call(backend, 'POST', '/sim/cashier', { api: 'requestPayment', params, action, ...extra }).then(
      (answer) => {
        const result = answer.body;
        (/:ok$/.test(result.errMsg) ? success : fail)?.(result);
        complete?.(result);
      },
    );
  };
  const requests = {
    // Requests as `METHOD url`, in the order they were sent.
    get list() {
      return host.requests.map((request) => `${request.method} ${request.url}`);
    },
  };
  return { host, requests };
}

test('pay: ok from the cashier, paid from the backend after one long-poll', async () => {
  const { host, requests } = networkHost('pay');
  const checkout = createCheckout({
    host,
    backend: httpBackend({ baseUrl: backend.url, host }),
    confirm: { deadlineMs: 10_000 },
  });
  const result = await checkout.pay({ productId: 'mug' });
  expect(result).toMatchObject({
    status: 'paid',
    outcome: { status: 'ok' },
    order: { state: 'paid', tradeState: 'SUCCESS' },
  });
  expect(requests.list).toEqual([
    `POST ${backend.url}/api/orders`,
    expect.stringMatching(/^GET .*\/api\/orders\/.+\?waitMs=\d+$/),
  ]);
  // The wait is the 10 s deadline less the time already spent and a 1 s margin for the answer.
  const waitMs = Number(requests.list[1]?.split('waitMs=')[1]);
  expect(waitMs).toBeLessThanOrEqual(9000);
  expect(waitMs).toBeGreaterThan(8000);
});

test('cancel: one query, cancelled', async () => {
  const { host, requests } = networkHost('cancel');
  const checkout = createCheckout({ host, backend: httpBackend({ baseUrl: backend.url, host }) });
  expect(await checkout.pay({ productId: 'mug' })).toMatchObject({ status: 'cancelled' });
  expect(requests.list.filter((request) => request.startsWith('GET'))).toEqual([
    expect.stringMatching(/\?waitMs=0$/),
  ]);
});

test('fail: one query; the backend has no payment, so payment_failed', async () => {
  const { host } = networkHost('fail');
  const checkout = createCheckout({ host, backend: httpBackend({ baseUrl: backend.url, host }) });
  expect(await checkout.pay({ productId: 'mug' })).toMatchObject({
    status: 'failed',
    code: 'payment_failed',
    outcome: { status: 'failed', code: 'host_error' },
    order: { state: expect.stringMatching(/^(pending|failed)$/) },
  });
});

test('an unknown product: create_order_failed says what the server answered', async () => {
  const { host } = networkHost('pay');
  const checkout = createCheckout({ host, backend: httpBackend({ baseUrl: backend.url, host }) });
  expect(await checkout.pay({ productId: 'no-such-product' })).toMatchObject({
    status: 'failed',
    code: 'create_order_failed',
    detail: expect.stringMatching(
      /^backend\.createOrder rejected: HttpBackendError: POST .*\/api\/orders answered HTTP 404 Not Found: \{"error":\{"code":"PRODUCT_NOT_FOUND"/,
    ),
  });
});
