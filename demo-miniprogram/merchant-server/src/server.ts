import type { AddressInfo } from 'node:net';
import { buildMerchantApp } from './app';
import {
  type MerchantConfig,
  type MerchantServerOptions,
  resolveConfig,
  simulatorUrlOf,
} from './config/options';
import type { LoadedKeys } from './keys/merchant-keys';
import { createMerchant } from './merchant';
import type { PlatformKeys } from './wechat/registration';

export type { MerchantServerOptions } from './config/options';

/** A running merchant server. */
export interface MerchantServer {
  /** e.g. `http://127.0.0.1:3000`, no trailing slash. */
  readonly url: string;
  /** WeChat Pay's base URL: the simulator it registered with. */
  readonly simulatorUrl: string;
  /** The options, defaults filled in (`appId`, `mchId`, `dataDir`, …). */
  readonly config: MerchantConfig;
  /** The merchant's keys (`merchantPublicKeyPem` verifies paySign; `material`, the secrets). */
  readonly keys: LoadedKeys;
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
  const config = resolveConfig(options);
  const simulatorUrl = simulatorUrlOf(options.simulatorUrl);
  const merchant = await createMerchant(config);
  const app = buildMerchantApp(merchant);
  const { keys } = merchant;
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
    simulatorUrl,
    config,
    keys,
    platformKeys: merchant.platform.keys,
    close: () => {
      closing ??= app.close().then(() => merchant.close());
      return closing;
    },
  };
}
