import * as path from 'node:path';
import type { MockBackendKeyInput } from '../keys/key-material';
import { parseRedisUrl, type RedisTarget, redactRedisUrl } from './redis-url';

/** Where state and keys live unless told otherwise (git-ignored). */
export const DEFAULT_DATA_DIR = path.resolve(__dirname, '..', '..', '.data');

/** The demo user when a request names no openid (it gets a session_key on first use). */
export const DEFAULT_DEMO_OPENID = 'oMockDemoUser000000000000000';

/** WeChat Pay's notification retry schedule, before compression. */
export const WECHAT_NOTIFY_RETRY_SCHEDULE_MS: readonly number[] = [
  15_000, 15_000, 30_000, 180_000, 600_000, 1_200_000, 1_800_000, 1_800_000, 1_800_000, 3_600_000,
  10_800_000, 10_800_000, 10_800_000, 21_600_000, 21_600_000,
];

/**
 * How the simulated platform signs notifications: with the platform certificate's key
 * (`Wechatpay-Serial` is its serial), with the WeChat Pay public key (`PUB_KEY_ID_…`), or,
 * as during WeChat's migration, each request one way or the other at random.
 */
export const NOTIFY_SIGNING_MODES = ['certificate', 'public-key', 'migration'] as const;
export type NotifySigning = (typeof NOTIFY_SIGNING_MODES)[number];

/** Longest `waitMs` a status request may hold the answer. */
export const MAX_STATUS_WAIT_MS = 25_000;

/** Options of `startMockBackend`. All optional. */
export interface MockBackendOptions {
  /**
   * TCP port; 0 picks a free one. Pass the port of a closed instance to restart in its place.
   * @default 0
   */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /**
   * Keep everything in memory: nothing is read or written, keys are generated unless `keys`
   * gives them.
   * @default false
   */
  readonly memory?: boolean;
  /**
   * Directory of `state.json` and `keys.json` (ignored with `memory`).
   * @default 'demo-miniprogram/mock-backend/.data'
   */
  readonly dataDir?: string;
  /**
   * How late (ms) a payment notification may be before a status request for a pending order
   * queries the platform, counted from the first status request of that order. 0 queries at
   * that first request; -1 never (notify-only mode). An order is queried at most once per
   * `activeQueryIntervalMs`, however many requests ask.
   * @default 0
   */
  readonly activeQueryAfterMs?: number;
  /**
   * The least time (ms) between two queries of one order, whatever the requests; while a
   * long-poll waits, the platform is queried again this often.
   * @default 1000
   */
  readonly activeQueryIntervalMs?: number;
  /**
   * WeChat's retry schedule (15 s, 15 s, 30 s, 3 min, 10 min, ... 6 h) is divided by this:
   * 100 makes the first retry 150 ms, 1000 makes it 15 ms.
   * @default 100
   */
  readonly notifyRetryFactor?: number;
  /**
   * Delay (ms) before the platform sends a notification when /sim/cashier gives no
   * `notifyDelayMs`.
   * @default 200
   */
  readonly defaultNotifyDelayMs?: number;
  /**
   * How notifications are signed: `certificate` (the platform certificate's serial),
   * `public-key` (the WeChat Pay public key, `Wechatpay-Serial: PUB_KEY_ID_…`) or `migration`
   * (each request one way or the other at random). The merchant verifies all three.
   * @default 'certificate'
   */
  readonly notifySigning?: NotifySigning;
  /** Log every request (fastify's logger). @default false */
  readonly logger?: boolean;
  /**
   * A Redis (`redis://host:port`, `rediss://…`, `unix:///path/redis.sock`) through which the
   * long-polls of several instances sharing one `dataDir` answer each other: a status request
   * held by one is answered when another applies the notification. Not with `memory`.
   * @default none (long-polls hear this instance's changes only)
   */
  readonly redisUrl?: string;
  /**
   * Keys to use; any key given here wins over `keys.json` and is never written to disk.
   * Tests pass pre-generated keys to skip RSA key generation.
   * @default generated on first start
   */
  readonly keys?: MockBackendKeyInput;
  /** The mini program AppID (signed into paySign). @default 'wx8888888888888888' */
  readonly appId?: string;
  /** The WeChat Pay merchant id. @default '1230000109' */
  readonly mchId?: string;
  /** The virtual payment offerId. @default '1450000001' */
  readonly offerId?: string;
  /** `env` signed into virtual payment signData: 0 production, 1 sandbox. @default 0 */
  readonly virtualPaymentEnv?: 0 | 1;
  /** Clock in ms since the epoch; tests move it to expire prepay_ids. @default Date.now */
  readonly now?: () => number;
}

/** Options with defaults filled in and checked. */
export interface BackendConfig {
  readonly port: number;
  readonly host: string;
  readonly memory: boolean;
  readonly dataDir: string | undefined;
  readonly activeQueryAfterMs: number;
  readonly activeQueryIntervalMs: number;
  readonly notifyRetryDelaysMs: readonly number[];
  readonly defaultNotifyDelayMs: number;
  readonly notifySigning: NotifySigning;
  readonly logger: boolean;
  /** The Redis of `redisUrl`, and the URL as messages show it (no password). */
  readonly redis: { readonly target: RedisTarget; readonly shown: string } | undefined;
  readonly keys: MockBackendKeyInput;
  readonly appId: string;
  readonly mchId: string;
  readonly offerId: string;
  readonly virtualPaymentEnv: 0 | 1;
  readonly defaultOpenid: string;
  readonly now: () => number;
}

export function resolveConfig(options: MockBackendOptions): BackendConfig {
  const port = options.port ?? 0;
  requireInteger('port', port, 0, 65_535);
  const activeQueryAfterMs = options.activeQueryAfterMs ?? 0;
  requireInteger('activeQueryAfterMs', activeQueryAfterMs, -1, 2 ** 31 - 1);
  const activeQueryIntervalMs = options.activeQueryIntervalMs ?? 1000;
  requireInteger('activeQueryIntervalMs', activeQueryIntervalMs, 1, 2 ** 31 - 1);
  const defaultNotifyDelayMs = options.defaultNotifyDelayMs ?? 200;
  requireInteger('defaultNotifyDelayMs', defaultNotifyDelayMs, 0, 2 ** 31 - 1);
  const notifyRetryFactor = options.notifyRetryFactor ?? 100;
  if (!Number.isFinite(notifyRetryFactor) || notifyRetryFactor <= 0) {
    throw new TypeError(
      `[mock-backend] options.notifyRetryFactor must be a positive number, got ${String(notifyRetryFactor)}`,
    );
  }
  const virtualPaymentEnv = options.virtualPaymentEnv ?? 0;
  if (virtualPaymentEnv !== 0 && virtualPaymentEnv !== 1) {
    throw new TypeError('[mock-backend] options.virtualPaymentEnv must be 0 or 1');
  }
  const notifySigning = options.notifySigning ?? 'certificate';
  if (!NOTIFY_SIGNING_MODES.includes(notifySigning)) {
    throw new TypeError(
      `[mock-backend] options.notifySigning must be one of ${NOTIFY_SIGNING_MODES.join(', ')}, got ${String(notifySigning)}`,
    );
  }
  const memory = options.memory ?? false;
  const redis = resolveRedis(options.redisUrl, memory);
  return {
    port,
    host: options.host ?? '127.0.0.1',
    memory,
    dataDir: memory ? undefined : path.resolve(options.dataDir ?? DEFAULT_DATA_DIR),
    activeQueryAfterMs,
    activeQueryIntervalMs,
    notifyRetryDelaysMs: WECHAT_NOTIFY_RETRY_SCHEDULE_MS.map((ms) =>
      Math.round(ms / notifyRetryFactor),
    ),
    defaultNotifyDelayMs,
    notifySigning,
    logger: options.logger ?? false,
    redis,
    keys: options.keys ?? {},
    appId: options.appId ?? 'wx8888888888888888',
    mchId: options.mchId ?? '1230000109',
    offerId: options.offerId ?? '1450000001',
    virtualPaymentEnv,
    defaultOpenid: DEFAULT_DEMO_OPENID,
    now: options.now ?? Date.now,
  };
}

function resolveRedis(redisUrl: unknown, memory: boolean): BackendConfig['redis'] {
  if (redisUrl === undefined) return undefined;
  const target = parseRedisUrl('options.redisUrl', redisUrl);
  if (typeof target === 'string') throw new TypeError(`[mock-backend] ${target}`);
  if (memory) {
    throw new TypeError(
      '[mock-backend] options.redisUrl needs a data directory shared by the instances, not memory: true (their orders are shared through <dataDir>/state.json)',
    );
  }
  return { target, shown: redactRedisUrl(redisUrl as string) };
}

function requireInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(
      `[mock-backend] options.${name} must be an integer from ${min} to ${max}, got ${String(value)}`,
    );
  }
}
