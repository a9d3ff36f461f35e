import { Wechatpay } from 'wechatpay-axios-plugin';
import {
  type Simulator,
  type SimulatorOptions,
  startSimulator,
} from '../../../simulator/src/server';
import { merchantKeys, platformKeys } from './keys';

export const APPID = 'wx8888888888888888';
export const API_V3_KEY = 'ApiV3KeyOfTheTestMerchant0123456';
export const API_V2_KEY = 'ApiV2KeyOfTheTestMerchant0123456';
export const MERCHANT_SERIAL = '3775B6A45ACD588826D15E583A95F5DD00000001';

/** A simulator on 127.0.0.1, a free port, with the fixture platform keys. */
export function startTestSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({ platformKeys, ...options });
}

/** What `POST /sim/merchants` answered. */
export interface Registered {
  readonly mchid: string;
  readonly platformCertificate: { readonly serial: string; readonly pem: string };
  readonly publicKey: { readonly id: string; readonly pem: string };
}

export interface TestMerchant {
  readonly mchid: string;
  readonly registered: Registered;
  /** wechatpay-axios-plugin, pointed at the simulator, trusting the key(s) of `trust`. */
  readonly wxpay: Wechatpay;
}

/** Registers a merchant (its key pair `keyIndex`) and builds its SDK client. */
export async function registerMerchant(
  simulator: Simulator,
  options: {
    readonly mchid?: string;
    readonly signing?: 'certificate' | 'public-key' | 'migration';
    readonly keyIndex?: number;
    readonly extra?: Record<string, unknown>;
  } = {},
): Promise<TestMerchant> {
  const mchid = options.mchid ?? '1900000109';
  const keys = merchantKeys(options.keyIndex ?? 0);
  const response = await post(simulator, '/sim/merchants', {
    mchid,
    appids: [APPID],
    merchantSerial: MERCHANT_SERIAL,
    merchantPublicKey: keys.publicKeyPem,
    apiV3Key: API_V3_KEY,
    apiV2Key: API_V2_KEY,
    ...(options.signing ? { signing: options.signing } : {}),
    ...options.extra,
  });
  if (response.status !== 201)
    throw new Error(`registration answered ${response.status}: ${JSON.stringify(response.body)}`);
  const registered = response.body as Registered;
  const signing = options.signing ?? 'public-key';
  const certs: Record<string, string> = {};
  if (signing !== 'public-key')
    certs[registered.platformCertificate.serial] = registered.platformCertificate.pem;
  if (signing !== 'certificate') certs[registered.publicKey.id] = registered.publicKey.pem;
  const wxpay = new Wechatpay({
    mchid,
    serial: MERCHANT_SERIAL,
    privateKey: keys.privateKeyPem,
    certs,
    baseURL: `${simulator.url}/`,
  });
  return { mchid, registered, wxpay };
}

/** A JSON request to one of the simulator's own routes. */
export async function post(
  simulator: Simulator,
  path: string,
  body: unknown,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(`${simulator.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : undefined,
    headers: response.headers,
  };
}

export async function get(
  simulator: Simulator,
  path: string,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${simulator.url}${path}`);
  return { status: response.status, body: await response.json() };
}

/** An SDK answer (axios response), its data typed by the caller. */
export interface V3Answer<T> {
  readonly status: number;
  readonly data: T;
  readonly headers: Record<string, string | undefined>;
}

/**
 * A request through the merchant's SDK (wechatpay-axios-plugin): signed by it, its answer
 * verified by it (a bad signature throws). `query` goes into the URL.
 */
export async function v3<T = Record<string, unknown>>(
  merchant: TestMerchant,
  method: 'get' | 'post',
  path: string,
  options: {
    readonly body?: unknown;
    readonly query?: Record<string, string>;
    readonly headers?: Record<string, string>;
  } = {},
): Promise<V3Answer<T>> {
  const config = {
    ...(options.query ? { params: options.query } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  };
  const chained = merchant.wxpay.chain(path);
  const response =
    method === 'get' ? await chained.get(config) : await chained.post(options.body, config);
  return response as unknown as V3Answer<T>;
}
