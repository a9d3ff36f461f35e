import { parseArgs } from 'node:util';
import { keysFromEnvironment } from '../keys/merchant-keys';
import { type MerchantServerOptions, NOTIFY_SIGNING_MODES, type NotifySigning } from './options';
import { parseRedisUrl } from './redis-url';

export const USAGE = `Usage: npm run merchant-server -- --simulator <url> [options]   (PORT=0 by default picks a free port)

  --simulator <url>             the WeChat Pay simulator to use (or SIMULATOR_URL); the merchant
                                registers there at start
  --memory                      keep orders in memory (the default)
  --data-dir <dir>              keep orders, sessions and keys in <dir> across a restart
  --redis <url>                 keep what instances share in Redis (or REDIS_URL): orders, sessions,
                                the merchant's keys, order events (redis://host:port, rediss://...,
                                unix:///path/redis.sock)
  --active-query-after-ms=<n>   query WeChat Pay about a pending order: 0 at its first status
                                request (the default), n ms into a held request, -1 never
  --notify-signing <mode>       certificate (default), public-key or migration (either at random)
  --log                         log every request
  -h, --help                    show this help

Keys are generated (and kept with --data-dir or --redis) unless these are set:
  MOCK_BACKEND_MERCHANT_PRIVATE_KEY (PEM, \\n allowed), MOCK_BACKEND_APIV3_KEY,
  MOCK_BACKEND_V2_API_KEY, MOCK_BACKEND_APPKEY_PRODUCTION, MOCK_BACKEND_APPKEY_SANDBOX,
  MOCK_BACKEND_MESSAGE_PUSH_TOKEN, MOCK_BACKEND_APP_SECRET`;

export type CliCommand =
  | { readonly help: true }
  | {
      readonly help: false;
      readonly options: MerchantServerOptions & { simulatorUrl: string | undefined };
    };

/** Reads the command line and the environment; throws with a message naming a bad value. */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv): CliCommand {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      simulator: { type: 'string' },
      memory: { type: 'boolean' },
      'data-dir': { type: 'string' },
      redis: { type: 'string' },
      'active-query-after-ms': { type: 'string' },
      'notify-signing': { type: 'string' },
      log: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true };
  const notifySigning = values['notify-signing'];
  if (
    notifySigning !== undefined &&
    !(NOTIFY_SIGNING_MODES as readonly string[]).includes(notifySigning)
  ) {
    throw new Error(
      `--notify-signing must be one of ${NOTIFY_SIGNING_MODES.join(', ')}, got ${notifySigning}`,
    );
  }
  const [redisName, redisUrl] =
    values.redis !== undefined
      ? ['--redis', values.redis]
      : ['REDIS_URL', env.REDIS_URL || undefined];
  if (redisUrl !== undefined) {
    const target = parseRedisUrl(redisName, redisUrl);
    if (typeof target === 'string') throw new Error(target);
  }
  const activeQueryAfterMs = integer('--active-query-after-ms', values['active-query-after-ms']);
  return {
    help: false,
    options: {
      simulatorUrl: values.simulator ?? (env.SIMULATOR_URL || undefined),
      port: integer('PORT', env.PORT || undefined) ?? 0,
      memory: values.memory ?? false,
      logger: values.log ?? false,
      keys: keysFromEnvironment(env),
      ...(values['data-dir'] === undefined ? {} : { dataDir: values['data-dir'] }),
      ...(redisUrl === undefined ? {} : { redisUrl }),
      ...(activeQueryAfterMs === undefined ? {} : { activeQueryAfterMs }),
      ...(notifySigning === undefined ? {} : { notifySigning: notifySigning as NotifySigning }),
    },
  };
}

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?[0-9]+$/.test(value)) throw new Error(`${name} must be an integer, got ${value}`);
  return Number(value);
}
