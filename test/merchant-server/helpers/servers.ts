import { randomBytes, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { OrderView } from '../../../demo-miniprogram/merchant-server/src/orders/order';
import {
  type MerchantServer,
  type MerchantServerOptions,
  startMerchantServer,
} from '../../../demo-miniprogram/merchant-server/src/server';
import { type Simulator, startSimulator } from '../../../simulator/src/server';

const FIXTURES = path.join(__dirname, '../../fixtures/server');

/** The merchant's test keys: fixed, so that no test pays for RSA key generation. */
export const TEST_KEYS = {
  // WeChat Pay's documentation key (merchant 1900007291), a published test key.
  merchantPrivateKeyPem: readFileSync(
    path.join(FIXTURES, '../vectors/wechatpay-doc-test-key.pem'),
    'utf8',
  ),
  apiV3Key: 'ApiV3KeyOfTheDemoMerchant0123456',
  v2ApiKey: 'ApiV2KeyOfTheDemoMerchant0123456',
  virtualAppKeyProduction: 'AppKeyProductionOfTheDemo0123456',
  virtualAppKeySandbox: 'AppKeySandboxOfTheDemoMerchant01',
  messagePushToken: 'MessagePushTokenOfTheDemo0123456',
  appSecret: 'AppSecretOfTheDemoMiniProgram012',
};

const PLATFORM_CERTIFICATE_KEY = readFileSync(path.join(FIXTURES, 'platform-cert-key.pem'), 'utf8');

/**
 * Sends `body` (a notification the simulator made) to the merchant again, signed afresh with
 * the platform certificate's key (the simulator's, a fixture) by node:crypto: a duplicate.
 */
export function sendAgain(merchant: MerchantServer, body: string): Promise<Answer> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const signature = sign(
    'sha256',
    Buffer.from(`${timestamp}\n${nonce}\n${body}\n`),
    PLATFORM_CERTIFICATE_KEY,
  );
  return call(merchant, 'POST', '/pay/notify', body, {
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': nonce,
    'wechatpay-signature': signature.toString('base64'),
    'wechatpay-serial': merchant.platformKeys.certificate.serial,
  });
}

/** The platform's keys: fixtures, so that no simulator makes keys at a registration. */
export const TEST_PLATFORM_KEYS = {
  certificatePrivateKey: PLATFORM_CERTIFICATE_KEY,
  publicKeyPrivateKey: readFileSync(
    path.join(FIXTURES, 'wechatpay-public-key-private.pem'),
    'utf8',
  ),
};

/** A simulator on a free port, with the fixture platform keys. */
export function startTestSimulator(): Promise<Simulator> {
  return startSimulator({ platformKeys: TEST_PLATFORM_KEYS });
}

/** The merchant server against `simulator`, in memory, with the test keys. */
export function startTestMerchant(
  simulator: { url: string },
  options: MerchantServerOptions = {},
): Promise<MerchantServer> {
  return startMerchantServer({ simulatorUrl: simulator.url, keys: TEST_KEYS, ...options });
}

export interface Answer {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read JSON answers freely
  readonly body: any;
  readonly text: string;
  readonly headers: Headers;
}

/** One request; a plain object body is sent as JSON, a string as it is. */
export async function call(
  server: { url: string },
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const init: RequestInit = { method, headers };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers = { 'content-type': 'application/json', ...headers };
  }
  const response = await fetch(`${server.url}${path}`, init);
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, text, headers: response.headers };
}

/** POST /api/orders, expecting 201: the prepared order. */
// biome-ignore lint/suspicious/noExplicitAny: a prepared order in any of its shapes
export async function createOrder(merchant: { url: string }, body: object): Promise<any> {
  const answer = await call(merchant, 'POST', '/api/orders', body);
  if (answer.status !== 201) throw new Error(`order not created: ${answer.status} ${answer.text}`);
  return answer.body;
}

/** The user at the simulator's cashier, with the parameters the mini program received. */
export async function cashier(
  simulator: { url: string },
  params: object,
  options: {
    action?: 'pay' | 'cancel' | 'fail';
    api?: string;
    notifyDelayMs?: number;
    dropNotify?: boolean;
  } = {},
  // biome-ignore lint/suspicious/noExplicitAny: host callbacks are loosely shaped
): Promise<any> {
  const { action = 'pay', api = 'requestPayment', ...plan } = options;
  const answer = await call(simulator, 'POST', '/sim/cashier', { api, params, action, ...plan });
  if (answer.status !== 200) throw new Error(`cashier refused: ${answer.status} ${answer.text}`);
  return answer.body;
}

/** The order's status, held up to `waitMs`. */
export async function orderStatus(
  merchant: { url: string },
  orderId: string,
  waitMs = 0,
): Promise<OrderView> {
  const answer = await call(merchant, 'GET', `/api/orders/${orderId}?waitMs=${waitMs}`);
  if (answer.status !== 200) throw new Error(`status failed: ${answer.status} ${answer.text}`);
  return answer.body;
}

/** The requests the merchant made to WeChat Pay about `orderId`, as the simulator journaled them. */
export async function requestsAbout(
  simulator: { url: string },
  orderId: string,
): Promise<{ method: string; url: string; status: number; verdict: { verified?: boolean } }[]> {
  const { body } = await call(simulator, 'GET', '/sim/requests');
  return body.requests.filter((request: { url: string }) => request.url.includes(orderId));
}

/** The notifications the simulator owes or sent about `subject` (an out_trade_no, …). */
export async function notificationsAbout(
  simulator: { url: string },
  subject: string,
): Promise<
  {
    id: string;
    state: string;
    eventType: string;
    body: string;
    attempts: { status?: number; serial?: string }[];
  }[]
> {
  const { body } = await call(simulator, 'GET', '/sim/notifications');
  return body.notifications.filter(
    (notification: { subject: string }) => notification.subject === subject,
  );
}

/** Polls `check` every 10 ms until it answers true; throws after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not so after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
