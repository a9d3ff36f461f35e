import {
  type MockBackend,
  type MockBackendOptions,
  startMockBackend,
} from '../../../demo-miniprogram/mock-backend/src/server';
import { testKeys } from './test-keys';

/** In memory, cached keys, fast retries (factor 1000: first retry after 15 ms). */
export async function startTestBackend(options: MockBackendOptions = {}): Promise<MockBackend> {
  return startMockBackend({
    memory: true,
    keys: await testKeys(),
    notifyRetryFactor: 1000,
    defaultNotifyDelayMs: 20,
    ...options,
  });
}

export interface Answer {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read JSON answers freely
  readonly body: any;
  readonly text: string;
  readonly headers: Headers;
}

/** One request; a plain object body is sent as JSON, a string as is. */
export async function call(
  backend: { url: string },
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers = { 'content-type': 'application/json', ...headers };
  }
  const response = await fetch(`${backend.url}${path}`, init);
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, text, headers: response.headers };
}

/** POST /api/orders and expect 201. */
// biome-ignore lint/suspicious/noExplicitAny: a PreparedOrder in any of its shapes
export async function createOrder(backend: { url: string }, body: object): Promise<any> {
  const answer = await call(backend, 'POST', '/api/orders', body);
  if (answer.status !== 201) throw new Error(`order not created: ${answer.status} ${answer.text}`);
  return answer.body;
}

/** POST /sim/cashier; the host callback object. */
export async function cashier(
  backend: { url: string },
  body: {
    api:
      | 'requestPayment'
      | 'requestVirtualPayment'
      | 'requestOrderPayment'
      | 'requestCommonPayment'
      | 'requestPluginPayment'
      | 'requestMerchantTransfer';
    params: object;
    action: 'pay' | 'cancel' | 'fail';
    openid?: string;
    notifyDelayMs?: number;
    dropNotify?: boolean;
  },
  // biome-ignore lint/suspicious/noExplicitAny: host callbacks are loosely shaped
): Promise<any> {
  const answer = await call(backend, 'POST', '/sim/cashier', body);
  if (answer.status !== 200) throw new Error(`cashier refused: ${answer.status} ${answer.text}`);
  return answer.body;
}

/** The host API that opens each kind of PreparedOrder. */
export const API_OF_KIND = {
  payment: 'requestPayment',
  virtual: 'requestVirtualPayment',
  order: 'requestOrderPayment',
  common: 'requestCommonPayment',
  plugin: 'requestPluginPayment',
  transfer: 'requestMerchantTransfer',
} as const;

/** Creates an order and pays it at the simulated cashier; the order (its cashier answer in `paid`). */
export async function payOrder(
  backend: { url: string },
  order: object,
  payment: { notifyDelayMs?: number; dropNotify?: boolean; openid?: string } = {},
  // biome-ignore lint/suspicious/noExplicitAny: a PreparedOrder in any of its shapes
): Promise<any> {
  const created = await createOrder(backend, order);
  const api = API_OF_KIND[created.kind as keyof typeof API_OF_KIND];
  const paid = await cashier(backend, { api, params: created.params, action: 'pay', ...payment });
  return { ...created, paid };
}

export async function orderStatus(
  backend: { url: string },
  orderId: string,
  waitMs = 0,
  // biome-ignore lint/suspicious/noExplicitAny: an OrderStatusView
): Promise<any> {
  const answer = await call(backend, 'GET', `/api/orders/${orderId}?waitMs=${waitMs}`);
  if (answer.status !== 200) throw new Error(`status failed: ${answer.status} ${answer.text}`);
  return answer.body;
}

/** Polls until the order leaves `pending` or the time is up. */
export async function waitForState(
  backend: { url: string },
  orderId: string,
  timeoutMs = 3000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = await orderStatus(
      backend,
      orderId,
      Math.max(0, Math.min(500, deadline - Date.now())),
    );
    if (view.state !== 'pending' || Date.now() >= deadline) return view.state;
  }
}
