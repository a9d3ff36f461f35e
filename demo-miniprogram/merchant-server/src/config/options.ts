import * as path from 'node:path';
import type { MerchantKeyInput } from '../keys/merchant-keys';
import { parseRedisUrl, type RedisTarget, redactRedisUrl } from './redis-url';

/** How WeChat Pay signs this merchant's notifications (the simulator's registration `signing`). */
const NOTIFY_SIGNING_MODES = ['certificate', 'public-key', 'migration'] as const;
export type NotifySigning = (typeof NOTIFY_SIGNING_MODES)[number];

/** Longest `waitMs` a status request may hold the answer. */
export const MAX_STATUS_WAIT_MS = 25_000;

/** Options of `startMerchantServer` (and of `createMerchant`, which the composition uses). */
export interface MerchantServerOptions {
  /**
   * WeChat Pay's base URL: the simulator's, e.g. `http://127.0.0.1:3100`. Every call to WeChat
   * Pay (and WeChat's mini program APIs) goes there, signed, its answer verified.
   */
  readonly simulatorUrl?: string;
  /** TCP port; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** Keep orders in memory only, whatever `dataDir` says. @default true unless dataDir is given */
  readonly memory?: boolean;
  /**
   * Directory where orders, sessions and the merchant's keys are kept across a restart
   * (`merchant-server.json`). Not with `redisUrl`, which keeps them in Redis.
   * @default none (in memory)
   */
  readonly dataDir?: string;
  /**
   * A Redis (`redis://host:port`, `rediss://…`, `unix:///path/redis.sock`) holding what
   * instances share: orders, sessions, the merchant's keys, and the order events that wake
   * each other's status requests. Instances with the same `redisUrl` and simulator are one
   * merchant.
   * @default none (this instance only)
   */
  readonly redisUrl?: string;
  /**
   * When a pending order's status request queries WeChat Pay: 0 at its first status request,
   * n ms into a held request, -1 never (notifications only).
   * @default 0
   */
  readonly activeQueryAfterMs?: number;
  /** The least time (ms) between two queries of one order. @default 1000 */
  readonly activeQueryIntervalMs?: number;
  /**
   * How the simulator signs this merchant's notifications: the platform certificate, the
   * WeChat Pay public key (`PUB_KEY_ID_…`), or either at random (`migration`). The merchant
   * trusts both keys, as during WeChat Pay's migration.
   * @default 'certificate'
   */
  readonly notifySigning?: NotifySigning;
  /** Keys to use instead of stored or generated ones (never written). @default generated */
  readonly keys?: MerchantKeyInput;
  /** The mini program's AppID. @default 'wx8888888888888888' */
  readonly appId?: string;
  /** The WeChat Pay merchant id. @default '1230000109' */
  readonly mchId?: string;
  /** The virtual payment offerId. @default '1450000001' */
  readonly offerId?: string;
  /** `env` of virtual and B2b payments: 0 production, 1 sandbox. @default 0 */
  readonly virtualPaymentEnv?: 0 | 1;
  /** Log every request (fastify's logger). @default false */
  readonly logger?: boolean;
}

/** Options with defaults filled in and checked. */
export type MerchantConfig = Readonly<
  Required<Omit<MerchantServerOptions, 'simulatorUrl' | 'memory' | 'dataDir' | 'redisUrl'>> & {
    dataDir: string | undefined;
    redis: { readonly target: RedisTarget; readonly shown: string } | undefined;
  }
>;

const MAX_MS = 2 ** 31 - 1;
const DEFAULTS = {
  port: 0,
  host: '127.0.0.1',
  activeQueryAfterMs: 0,
  activeQueryIntervalMs: 1000,
  notifySigning: 'certificate',
  keys: {},
  appId: 'wx8888888888888888',
  mchId: '1230000109',
  offerId: '1450000001',
  virtualPaymentEnv: 0,
  logger: false,
} as const;

type Option = keyof MerchantServerOptions;

/** What sets an option on the command line (`npm run merchant-server`, `npm run backend`). */
const FLAGS: Partial<Record<Option, string>> = {
  simulatorUrl: '--simulator or SIMULATOR_URL',
  port: 'PORT',
  dataDir: '--data-dir',
  redisUrl: '--redis or REDIS_URL',
  activeQueryAfterMs: '--active-query-after-ms',
  notifySigning: '--notify-signing',
};

/** Fills in defaults; throws a TypeError naming a bad option (and its flag). */
export function resolveConfig(options: MerchantServerOptions = {}): MerchantConfig {
  const { simulatorUrl, memory, dataDir, redisUrl, ...rest } = options;
  const given = Object.entries(rest).filter(([, value]) => value !== undefined);
  const config = { ...DEFAULTS, ...Object.fromEntries(given) } as Omit<
    MerchantConfig,
    'dataDir' | 'redis'
  >;
  if (!NOTIFY_SIGNING_MODES.includes(config.notifySigning))
    fail(
      'notifySigning',
      `must be one of ${NOTIFY_SIGNING_MODES.join(', ')}`,
      config.notifySigning,
    );
  if (config.virtualPaymentEnv !== 0 && config.virtualPaymentEnv !== 1)
    fail('virtualPaymentEnv', 'must be 0 or 1', config.virtualPaymentEnv);
  integer('port', config.port, 0, 65_535);
  integer('activeQueryAfterMs', config.activeQueryAfterMs, -1, MAX_MS);
  integer('activeQueryIntervalMs', config.activeQueryIntervalMs, 1, MAX_MS);
  const redis = redisUrl === undefined ? undefined : redisOf(redisUrl);
  const kept = memory ? undefined : dataDir;
  if (redis && kept !== undefined)
    fail(
      'dataDir',
      `cannot go with ${named('redisUrl')}: with Redis, orders and keys live in Redis`,
      kept,
    );
  return { ...config, dataDir: kept === undefined ? undefined : path.resolve(kept), redis };
}

/** The simulator's base URL without a trailing slash; throws a TypeError naming it. */
export function simulatorUrlOf(value: unknown): string {
  if (typeof value !== 'string' || !/^https?:\/\/[^\s/]+(\/\S*)?$/.test(value))
    fail('simulatorUrl', 'must be the http(s) URL of a WeChat Pay simulator', value);
  return value.replace(/\/+$/, '');
}

function redisOf(value: unknown): MerchantConfig['redis'] {
  const target = parseRedisUrl(named('redisUrl'), value);
  if (typeof target === 'string') throw new TypeError(`[merchant-server] ${target}`);
  return { target, shown: redactRedisUrl(value as string) };
}

function integer(option: Option, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    fail(option, `must be an integer from ${min} to ${max}`, value);
}

function named(option: Option): string {
  return FLAGS[option] ? `options.${option} (${FLAGS[option]})` : `options.${option}`;
}

function fail(option: Option, rule: string, value: unknown): never {
  throw new TypeError(`[merchant-server] ${named(option)} ${rule}; got ${JSON.stringify(value)}.`);
}
