import type { AddressInfo } from 'node:net';
import { buildMerchantApp } from './app';
import { type MerchantServerOptions, resolveConfig, simulatorUrlOf } from './config/options';
import type { MerchantKeys } from './keys/merchant-keys';
import { createMerchant } from './merchant';
import { DEMO_OPENID } from './orders/create-order';
import type { PlatformKeys } from './wechat/registration';

export type { MerchantServerOptions } from './config/options';

/** A running merchant server. */
export interface MerchantServer {
  /** e.g. `http://127.0.0.1:3000`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  /** The simulator it registered with: WeChat Pay's base URL. */
  readonly simulatorUrl: string;
  /** Where orders and keys are kept; undefined in memory or in Redis. */
  readonly dataDir: string | undefined;
  /** The Redis it shares with the other instances (password hidden), if any. */
  readonly redis: string | undefined;
  readonly appId: string;
  readonly mchId: string;
  readonly offerId: string;
  readonly virtualPaymentEnv: 0 | 1;
  /** The user of an order that names none (WeChat Pay orders and transfers). */
  readonly defaultOpenid: string;
  /** SPKI PEM: verifies `paySign` (API v3). */
  readonly merchantPublicKeyPem: string;
  /** The merchant's secrets, for tests that sign or forge what WeChat would. */
  readonly keys: MerchantKeys;
  /** What the registration answered: the keys WeChat Pay signs with. */
  readonly platformKeys: PlatformKeys;
  /** Answers held status requests, stops listening, closes the store. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts the demo's merchant server against the WeChat Pay simulator at `simulatorUrl`: it
 * listens, then registers its merchant there (`POST /sim/merchants`, with its own URL for
 * notifications).
 *
 * @example
 * const server = await startMerchantServer({ simulatorUrl: simulator.url });
 * await fetch(`${server.url}/api/orders`, { method: 'POST', ... });
 * await server.close();
 */
export async function startMerchantServer(options: MerchantServerOptions): Promise<MerchantServer> {
  const simulatorUrl = simulatorUrlOf(options.simulatorUrl);
  const config = resolveConfig(options);
  const merchant = await createMerchant(config);
  const app = buildMerchantApp(merchant);
  let url: string;
  try {
    await app.listen({ port: config.port, host: config.host });
    url = `http://${config.host}:${(app.server.address() as AddressInfo).port}`;
    await merchant.connect(simulatorUrl, url);
  } catch (error) {
    await app.close();
    await merchant.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    url,
    port: (app.server.address() as AddressInfo).port,
    simulatorUrl,
    dataDir: config.dataDir,
    redis: config.redis?.shown,
    appId: config.appId,
    mchId: config.mchId,
    offerId: config.offerId,
    virtualPaymentEnv: config.virtualPaymentEnv,
    defaultOpenid: DEMO_OPENID,
    merchantPublicKeyPem: merchant.keys.merchantPublicKeyPem,
    keys: merchant.keys.material,
    platformKeys: merchant.platform.keys,
    close: () => {
      closing ??= app.close().then(() => merchant.close());
      return closing;
    },
  };
}
