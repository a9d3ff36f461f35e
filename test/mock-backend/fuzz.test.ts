import fc from 'fast-check';
import type { MockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import { call, createOrder, startTestBackend } from './helpers/backend';

let backend: MockBackend;
let realOrderId: string;

beforeAll(async () => {
  backend = await startTestBackend({ activeQueryAfterMs: 0 });
  realOrderId = (await createOrder(backend, { productId: 'mug' })).orderId;
});

afterAll(async () => {
  await backend.close();
});

const ROUTES = [
  'GET /health',
  'POST /api/login',
  'GET /api/products',
  'POST /api/orders',
  'GET /api/orders/:id',
  'POST /api/orders/:id/close',
  'POST /pay/notify',
  'POST /pay/virtual-notify',
  'POST /sim/cashier',
  'GET /sim/merchant-key',
  'GET /sim/config',
  'GET /sim/deliveries',
  'POST /sim/refund',
  'POST /sim/merchant-faults',
] as const;

const body = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string(),
  fc
    .record({
      productId: fc.oneof(fc.constantFrom('mug', 'coins-60', 'extra-life'), fc.string()),
      quantity: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.string()),
      profile: fc.string(),
    })
    .map((value) => JSON.stringify(value)),
  fc
    .record({
      api: fc.constantFrom('requestPayment', 'requestVirtualPayment'),
      action: fc.constantFrom('pay', 'cancel', 'fail'),
      params: fc.dictionary(
        fc.constantFrom(
          'timeStamp',
          'nonceStr',
          'package',
          'signType',
          'paySign',
          'signData',
          'mode',
          'paySig',
          'signature',
        ),
        fc.jsonValue(),
      ),
    })
    .map((value) => JSON.stringify(value)),
);

const request = fc.record({
  route: fc.constantFrom(...ROUTES),
  method: fc.option(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'), { nil: undefined }),
  id: fc.oneof(fc.constant('REAL'), fc.string({ minLength: 1, maxLength: 80 })),
  query: fc.oneof(
    fc.constant(''),
    fc.string().map((text) => `?waitMs=${encodeURIComponent(text)}`),
  ),
  contentType: fc.constantFrom(
    'application/json',
    'text/plain',
    'application/octet-stream',
    undefined,
  ),
  body: fc.option(body, { nil: undefined }),
});

describe('fuzz: random requests at every route', () => {
  it('never answers 5xx, never leaks a stack trace, and /health still answers', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        const [routeMethod, pattern] = input.route.split(' ') as [string, string];
        const id = input.id === 'REAL' ? realOrderId : encodeURIComponent(input.id);
        const path =
          pattern.replace(':id', id) + (pattern.startsWith('/api/orders/') ? input.query : '');
        const method = input.method ?? routeMethod;
        const init: RequestInit = { method };
        if (input.body !== undefined && method !== 'GET') {
          init.body = input.body;
          if (input.contentType) init.headers = { 'content-type': input.contentType };
        }
        const response = await fetch(`${backend.url}${path}`, init);
        expect(response.status).toBeLessThan(500);
        expect(await response.text()).not.toMatch(/\n\s+at |node_modules/);
      }),
      { numRuns: 120 },
    );
    expect((await call(backend, 'GET', '/health')).body).toEqual({ ok: true });
  });
});
