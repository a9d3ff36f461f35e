import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import type { BackendContext } from './context';
import { type MockBackendKeys, resolveKeys } from './keys';
import { MerchantFaults } from './merchant/faults';
import { OrderBook } from './merchant/orderBook';
import { OrderStatusService } from './merchant/orderStatus';
import { OrderWaiters } from './merchant/orderWaiters';
import { type MockBackendOptions, resolveConfig } from './options';
import { Notifier } from './platform/notifier';
import { createSimulatedPlatform } from './platform/simulatedPlatform';
import { createMemoryStore, openFileStore } from './store';

export type { MockBackendKeys } from './keys';
export type { MockBackendOptions } from './options';

/** A running mock backend. */
export interface MockBackend {
  /** e.g. `http://127.0.0.1:3000`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** Where state and keys live; undefined in memory mode. */
  readonly dataDir: string | undefined;
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
  const store = config.dataDir ? await openFileStore(config.dataDir) : createMemoryStore();
  const keys = await resolveKeys(config.keys, config.dataDir);
  const notifier = new Notifier({ retryDelaysMs: config.notifyRetryDelaysMs });
  let baseUrl = '';
  const commit = (): Promise<void> => store.commit();
  const platform = createSimulatedPlatform({
    state: store.state,
    commit,
    keys,
    config,
    notifier,
    merchantBaseUrl: () => baseUrl,
  });
  const waiters = new OrderWaiters();
  const orders = new OrderBook({ state: store.state, commit, keys, config, platform, waiters });
  const orderStatus = new OrderStatusService(orders, waiters, {
    afterMs: config.activeQueryAfterMs,
    intervalMs: config.activeQueryIntervalMs,
    now: config.now,
  });
  const context: BackendContext = {
    config,
    keys,
    store,
    platform,
    notifier,
    orders,
    orderStatus,
    waiters,
    faults: new MerchantFaults(),
  };

  const app = createApp(context);
  app.addHook('preClose', async () => {
    notifier.close();
    orderStatus.close();
    waiters.releaseAll();
  });
  app.addHook('onClose', async () => {
    await store.close();
  });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    throw error;
  }

  const { port } = app.server.address() as AddressInfo;
  baseUrl = `http://${urlHost(config.host)}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url: baseUrl,
    port,
    host: config.host,
    dataDir: config.dataDir,
    appId: config.appId,
    mchId: config.mchId,
    offerId: config.offerId,
    virtualPaymentEnv: config.virtualPaymentEnv,
    defaultOpenid: config.defaultOpenid,
    merchantPublicKeyPem: keys.merchantPublicKeyPem,
    keys: keys.material,
    close: () => {
      closing ??= app.close().then(() => undefined);
      return closing;
    },
  };
}

/** Where to reach a server bound to `host` from this machine. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
