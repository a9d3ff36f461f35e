import { createHash, createHmac } from 'node:crypto';
import type { Simulator } from '../../../simulator/src/server';
import { APPID, post, registerMerchant, type TestMerchant } from './simulator';

/** The AppSecret, AppKeys and Token the test merchants of the payment family register. */
export const APP_SECRET = 'AppSecretOfTheTestMiniProgram012';
export const VIRTUAL_KEYS = {
  production: 'VirtualProductionAppKey000000001',
  sandbox: 'VirtualSandboxAppKey000000000001',
};
export const B2B_KEYS = {
  production: 'B2bProductionAppKey0000000000001',
  sandbox: 'B2bSandboxAppKey0000000000000001',
};
export const PUSH_TOKEN = 'MessagePushToken2024';
export const OFFER_ID = '1450000001';
export const GOODS = [{ productId: 'sword-skin', price: 600 }];

export const hmac = (key: string, text: string): string =>
  createHmac('sha256', key).update(text, 'utf8').digest('hex');

/** The message push signature a merchant checks: sha1 of the sorted Token, timestamp, nonce. */
export function pushSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

/** A merchant with an AppSecret, virtual payment and B2b payment (pushes to `pushUrl`). */
export function registerFamilyMerchant(
  simulator: Simulator,
  options: { readonly mchid: string; readonly pushUrl?: string; readonly offerId?: string },
): Promise<TestMerchant> {
  const notify = options.pushUrl === undefined ? {} : { notifyUrl: options.pushUrl };
  return registerMerchant(simulator, {
    mchid: options.mchid,
    extra: {
      appSecrets: { [APPID]: APP_SECRET },
      virtualPayment: {
        offerId: options.offerId ?? OFFER_ID,
        appKeys: VIRTUAL_KEYS,
        goods: GOODS,
        messagePushToken: PUSH_TOKEN,
        ...notify,
      },
      b2b: { appKeys: B2B_KEYS, messagePushToken: PUSH_TOKEN, ...notify },
    },
  });
}

/** A GET to the simulator, answering status and JSON. */
export async function getJson(
  simulator: Simulator,
  path: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${simulator.url}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** What the merchant server does at a user's login: jscode2session with its AppSecret. */
export async function login(
  simulator: Simulator,
  code: string,
): Promise<{ openid: string; session_key: string }> {
  const query = new URLSearchParams({
    appid: APPID,
    secret: APP_SECRET,
    js_code: code,
    grant_type: 'authorization_code',
  });
  const { body } = await getJson(simulator, `/sns/jscode2session?${query}`);
  if (typeof body.openid !== 'string') throw new Error(`login failed: ${JSON.stringify(body)}`);
  return body as { openid: string; session_key: string };
}

/** The mini program's access_token, from /cgi-bin/token. */
export async function accessToken(simulator: Simulator): Promise<string> {
  const query = new URLSearchParams({
    grant_type: 'client_credential',
    appid: APPID,
    secret: APP_SECRET,
  });
  const { body } = await getJson(simulator, `/cgi-bin/token?${query}`);
  return String(body.access_token);
}

/**
 * A signed call to a mini program server API: `?access_token=&pay_sig=hmac_sha256(appKey,
 * uri + "&" + body)`, the body sent byte for byte.
 */
export async function serverApi(
  simulator: Simulator,
  call: {
    readonly uri: string;
    readonly body: object;
    readonly appKey: string;
    readonly token: string;
  },
): Promise<Record<string, unknown>> {
  const body = JSON.stringify(call.body);
  const paySig = hmac(call.appKey, `${call.uri}&${body}`);
  const response = await fetch(
    `${simulator.url}${call.uri}?access_token=${call.token}&pay_sig=${paySig}`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body },
  );
  return (await response.json()) as Record<string, unknown>;
}

/** The user at the cashier, with any host API; answers the host callback. */
export async function cashierOf(
  simulator: Simulator,
  request: {
    readonly api: string;
    readonly params: unknown;
    readonly action?: 'pay' | 'cancel' | 'fail';
    readonly [extra: string]: unknown;
  },
): Promise<{ errMsg: string; errCode?: number; errno?: number }> {
  const response = await post(simulator, '/sim/cashier', { action: 'pay', ...request });
  if (response.status !== 200)
    throw new Error(`cashier answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as { errMsg: string; errCode?: number; errno?: number };
}

/** Polls `read` (every 10 ms, at most 2 s) until `done` holds; answers the last value. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 2000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
