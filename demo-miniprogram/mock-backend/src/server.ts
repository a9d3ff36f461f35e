import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { type MockBackendOptions, resolveConfig } from './config/options';
import { localUrlOf } from './http/local-url';
import type { MockBackendKeys } from './keys/key-material';

export type { MockBackendOptions } from './config/options';
export type { MockBackendKeys } from './keys/key-material';

/** A running mock backend. */
export interface MockBackend {
  /** e.g. `http://127.0.0.1:3000`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** Where state and keys live; undefined in memory mode. */
  readonly dataDir: string | undefined;
  /** The Redis through which long-polls are shared (`redisUrl`, password hidden), if any. */
  readonly redis: string | undefined;
  readonly appId: string;
  readonly mchId: string;
  readonly offerId: string;
  readonly virtualPaymentEnv: 0 | 1;
  /** The openid used when a request names none. */
  readonly defaultOpenid: string;
  /** SPKI PEM, to verify paySign (also at GET /sim/merchant-key). */
  readonly merchantPublicKeyPem: string;
  /** Every secret in use: for tests that forge or check signatures. */
  readonly keys: MockBackendKeys;
  /** Stops timers, answers waiting long-polls, stops listening, flushes state. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts the mock merchant backend and its simulated payment platform.
 *
 * @example
 * const backend = await startMockBackend({ memory: true });
 * const order = await (await fetch(`${backend.url}/api/orders`, { method: 'POST', ... })).json();
 * await backend.close();
 */
export async function startMockBackend(options: MockBackendOptions = {}): Promise<MockBackend> {
  const config = resolveConfig(options);
  const app = createApp(config);
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    throw error;
  }

  const url = localUrlOf(app.server, config.host);
  let closing: Promise<void> | undefined;
  return {
    url,
    port: (app.server.address() as AddressInfo).port,
    host: config.host,
    dataDir: config.dataDir,
    redis: config.redis?.shown,
    appId: config.appId,
    mchId: config.mchId,
    offerId: config.offerId,
    virtualPaymentEnv: config.virtualPaymentEnv,
    defaultOpenid: config.defaultOpenid,
    merchantPublicKeyPem: app.keys.merchantPublicKeyPem,
    keys: app.keys.material,
    close: () => {
      closing ??= app.close().then(() => undefined);
      return closing;
    },
  };
}
