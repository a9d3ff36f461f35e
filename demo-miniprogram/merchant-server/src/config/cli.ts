import { parseArgs } from 'node:util';
import { keysFromEnvironment } from '../keys/merchant-keys';
import type { MerchantServerOptions, NotifySigning } from './options';

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
  | { readonly help: false; readonly options: MerchantServerOptions };

/**
 * The command line and the environment as options, as given: `startMerchantServer`'s
 * `resolveConfig` checks them, its messages naming each option's flag.
 */
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
  return {
    help: false,
    options: {
      simulatorUrl: values.simulator ?? (env.SIMULATOR_URL || undefined),
      port: integerOf(env.PORT || undefined),
      memory: values.memory ?? false,
      dataDir: values['data-dir'],
      redisUrl: values.redis ?? (env.REDIS_URL || undefined),
      activeQueryAfterMs: integerOf(values['active-query-after-ms']),
      notifySigning: values['notify-signing'] as NotifySigning | undefined,
      logger: values.log ?? false,
      keys: keysFromEnvironment(env),
    },
  };
}

/** A decimal integer as a number; other text as it is, for resolveConfig to refuse by name. */
export function integerOf(text: string | undefined): number | undefined {
  if (text !== undefined && /^-?[0-9]+$/.test(text)) return Number(text);
  return text as unknown as number | undefined;
}
