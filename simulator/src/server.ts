import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildSimulatorApp } from './app';
import { resolveConfig, type SimulatorOptions } from './config/options';

export type { PlatformPrivateKeys, SimulatorOptions } from './config/options';

/** A running simulator. */
export interface Simulator {
  /** e.g. `http://127.0.0.1:3100`, no trailing slash: the base URL for a merchant's SDK. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** Where the snapshot lives; undefined in memory. */
  readonly dataDir: string | undefined;
  /** The fastify instance (ready and listening): its services are decorations on it. */
  readonly app: FastifyInstance;
  /** Stops timers and pending notifications, stops listening, writes the snapshot. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts the WeChat Pay simulator.
 *
 * @example
 * const simulator = await startSimulator();
 * // POST `${simulator.url}/sim/merchants`, then point the SDK's baseURL at simulator.url
 * await simulator.close();
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const config = resolveConfig(options);
  const app = buildSimulatorApp(config);
  try {
    if (config.extend) await app.register(async (scope) => config.extend?.(scope));
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost(config.host)}:${port}`,
    port,
    host: config.host,
    dataDir: config.dataDir,
    app,
    close: () => {
      closing ??= app.close().then(() => undefined);
      return closing;
    },
  };
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
