import * as path from 'node:path';
import type { FastifyInstance } from 'fastify';

/** Private keys the platform signs with, shared by every merchant (PKCS#8 or PKCS#1 PEM). */
export interface PlatformPrivateKeys {
  /** The platform certificate's key (`Wechatpay-Serial` is the certificate's serial). */
  readonly certificatePrivateKey: string;
  /** The WeChat Pay public key's private half (`Wechatpay-Serial` is its `PUB_KEY_ID_…`). */
  readonly publicKeyPrivateKey: string;
}

/** Options of `startSimulator`. All optional. */
export interface SimulatorOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /**
   * Directory of the snapshot (`simulator.json`: merchants, platform keys, orders, refunds,
   * notifications owed, the clock), read at start and written atomically after each change.
   * @default undefined (everything in memory)
   */
  readonly dataDir?: string;
  /**
   * The platform's private keys, shared by every merchant, instead of a key pair set made
   * for each merchant at its first registration.
   * @default undefined (keys made per merchant)
   */
  readonly platformKeys?: PlatformPrivateKeys;
  /** A merchant answer slower than this is a failed attempt (WeChat: 5 s). @default 5000 */
  readonly notifyTimeoutMs?: number;
  /** Wait before a payment notification when `/sim/cashier` gives no `notifyDelayMs`. @default 0 */
  readonly defaultNotifyDelayMs?: number;
  /** A refund stays PROCESSING this long on the test clock, then succeeds. @default 1000 */
  readonly refundDelayMs?: number;
  /** How many API requests the journal keeps (the newest). @default 1000 */
  readonly journalLimit?: number;
  /** Log every request (fastify's logger). @default false */
  readonly logger?: boolean;
  /**
   * Called with the fastify instance after the simulator's routes are registered and before
   * it listens: register more routes or plugins beside the simulator (e.g. a merchant server).
   * @default undefined
   */
  readonly extend?: (app: FastifyInstance) => void | Promise<void>;
}

/** Options with defaults filled in and checked. */
export interface SimulatorConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string | undefined;
  readonly platformKeys: PlatformPrivateKeys | undefined;
  readonly notifyTimeoutMs: number;
  readonly defaultNotifyDelayMs: number;
  readonly refundDelayMs: number;
  readonly journalLimit: number;
  readonly logger: boolean;
  readonly extend: SimulatorOptions['extend'];
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/** Fills in defaults; throws a TypeError naming a bad option. */
export function resolveConfig(options: SimulatorOptions = {}): SimulatorConfig {
  const platformKeys = options.platformKeys;
  if (platformKeys !== undefined) {
    for (const name of ['certificatePrivateKey', 'publicKeyPrivateKey'] as const) {
      if (typeof platformKeys?.[name] !== 'string' || platformKeys[name] === '') {
        throw new TypeError(`options.platformKeys.${name} must be a private key PEM.`);
      }
    }
  }
  if (options.extend !== undefined && typeof options.extend !== 'function') {
    throw new TypeError('options.extend must be a function taking the fastify instance.');
  }
  return {
    port: integer('port', options.port ?? 0, 0, 65_535),
    host: options.host ?? '127.0.0.1',
    dataDir: options.dataDir === undefined ? undefined : path.resolve(options.dataDir),
    platformKeys,
    notifyTimeoutMs: integer('notifyTimeoutMs', options.notifyTimeoutMs ?? 5000, 1, MAX_TIMER_MS),
    defaultNotifyDelayMs: integer(
      'defaultNotifyDelayMs',
      options.defaultNotifyDelayMs ?? 0,
      0,
      MAX_TIMER_MS,
    ),
    refundDelayMs: integer('refundDelayMs', options.refundDelayMs ?? 1000, 0, MAX_TIMER_MS),
    journalLimit: integer('journalLimit', options.journalLimit ?? 1000, 1, 1_000_000),
    logger: options.logger ?? false,
    extend: options.extend,
  };
}

function integer(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(
      `options.${name} must be an integer from ${min} to ${max}; got ${String(value)}.`,
    );
  }
  return value;
}
