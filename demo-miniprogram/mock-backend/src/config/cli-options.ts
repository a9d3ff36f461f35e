import { parseArgs } from 'node:util';
import { keyInputFromEnvironment } from '../keys/key-material';
import {
  DEFAULT_DATA_DIR,
  type MockBackendOptions,
  NOTIFY_SIGNING_MODES,
  type NotifySigning,
} from './options';
import { parseRedisUrl } from './redis-url';

export const USAGE = `Usage: npm run backend -- [options]     (PORT=3000 by default; PORT=0 picks a free port)

  --memory                      keep everything in memory (nothing written)
  --data-dir <dir>              state and keys directory (default ${DEFAULT_DATA_DIR})
  --active-query-after-ms=<n>   query the platform when a notify is n ms late (0 at once, -1 never; default 0)
  --notify-retry-factor <n>     divide WeChat's notify retry schedule by n (default 100)
  --notify-signing <mode>       certificate (default), public-key or migration (each request at random)
  --redis <url>                 share long-polls with the instances of the same --data-dir over Redis
                                (redis://host:port, rediss://..., unix:///path/redis.sock; or REDIS_URL)
  --log                         log every request
  -h, --help                    show this help

Keys come from the data directory (generated on first start) unless these are set:
  MOCK_BACKEND_MERCHANT_PRIVATE_KEY, MOCK_BACKEND_PLATFORM_PRIVATE_KEY,
  MOCK_BACKEND_WECHATPAY_PUBLIC_KEY_PRIVATE_KEY (PEM, \\n allowed),
  MOCK_BACKEND_APIV3_KEY, MOCK_BACKEND_V2_API_KEY,
  MOCK_BACKEND_APPKEY_PRODUCTION, MOCK_BACKEND_APPKEY_SANDBOX`;

export type CliCommand =
  | { readonly help: true }
  | { readonly help: false; readonly options: MockBackendOptions };

/** Reads the command line and the environment; throws with a message naming a bad value. */
export function parseCliOptions(argv: readonly string[], env: NodeJS.ProcessEnv): CliCommand {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      memory: { type: 'boolean' },
      'data-dir': { type: 'string' },
      'active-query-after-ms': { type: 'string' },
      'notify-retry-factor': { type: 'string' },
      'notify-signing': { type: 'string' },
      redis: { type: 'string' },
      log: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true };
  const options: {
    -readonly [K in keyof MockBackendOptions]: MockBackendOptions[K];
  } = {
    port: integer('PORT', env.PORT || undefined) ?? 3000,
    memory: values.memory ?? false,
    logger: values.log ?? false,
    keys: keyInputFromEnvironment(env),
  };
  if (values['data-dir']) options.dataDir = values['data-dir'];
  const activeQueryAfterMs = integer('--active-query-after-ms', values['active-query-after-ms']);
  if (activeQueryAfterMs !== undefined) options.activeQueryAfterMs = activeQueryAfterMs;
  const retryFactor = values['notify-retry-factor'];
  if (retryFactor !== undefined) {
    if (!(Number(retryFactor) > 0)) {
      throw new Error(`--notify-retry-factor must be a positive number, got ${retryFactor}`);
    }
    options.notifyRetryFactor = Number(retryFactor);
  }
  const notifySigning = values['notify-signing'];
  if (notifySigning !== undefined) {
    if (!(NOTIFY_SIGNING_MODES as readonly string[]).includes(notifySigning)) {
      throw new Error(
        `--notify-signing must be one of ${NOTIFY_SIGNING_MODES.join(', ')}, got ${notifySigning}`,
      );
    }
    options.notifySigning = notifySigning as NotifySigning;
  }
  const [redisName, redisUrl] =
    values.redis !== undefined
      ? ['--redis', values.redis]
      : ['REDIS_URL', env.REDIS_URL || undefined];
  if (redisUrl !== undefined) {
    const target = parseRedisUrl(redisName, redisUrl);
    if (typeof target === 'string') throw new Error(target);
    options.redisUrl = redisUrl;
  }
  return { help: false, options };
}

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?[0-9]+$/.test(value)) throw new Error(`${name} must be an integer, got ${value}`);
  return Number(value);
}
