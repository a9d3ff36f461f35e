// npm run backend: the demo's backend, the merchant server and the WeChat Pay simulator on one
// port (scripts/lib/backend.ts).
import { parseArgs } from 'node:util';
import { integerOf } from '../demo-miniprogram/merchant-server/src/config/cli';
import type { NotifySigning } from '../demo-miniprogram/merchant-server/src/config/options';
import { keysFromEnvironment } from '../demo-miniprogram/merchant-server/src/keys/merchant-keys';
import { type BackendOptions, startBackend } from './lib/backend';

const USAGE = `Usage: npm run backend -- [options]     (PORT=3000 by default; PORT=0 picks a free one)

The demo's merchant server and the WeChat Pay simulator on one port: /api/*, /pay/*, /health
are the merchant's; WeChat Pay's APIs, /sim/* and the dashboard at / are the simulator's.

  --memory                      keep everything in memory (the default)
  --data-dir <dir>              keep the simulator's and the merchant's state in <dir>
  --redis <url>                 the merchant keeps what its instances share in Redis (or REDIS_URL)
  --active-query-after-ms=<n>   query WeChat Pay about a pending order: 0 at its first status
                                request (the default), n ms into a held request, -1 never
  --notify-signing <mode>       certificate (default), public-key or migration
  --log                         log every request
  -h, --help                    show this help

Keys are generated unless these are set: the merchant's MOCK_BACKEND_MERCHANT_PRIVATE_KEY,
MOCK_BACKEND_APIV3_KEY, MOCK_BACKEND_V2_API_KEY, MOCK_BACKEND_APPKEY_PRODUCTION,
MOCK_BACKEND_APPKEY_SANDBOX, MOCK_BACKEND_MESSAGE_PUSH_TOKEN, MOCK_BACKEND_APP_SECRET; the
platform's MOCK_BACKEND_PLATFORM_PRIVATE_KEY and MOCK_BACKEND_WECHATPAY_PUBLIC_KEY_PRIVATE_KEY
(both or neither; PEM, \\n allowed).`;

/**
 * The command line and the environment as options, as given: the merchant's `resolveConfig`
 * checks them, naming each option's flag; the platform's keys are checked here.
 */
export function parseBackendCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): BackendOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      memory: { type: 'boolean' },
      'data-dir': { type: 'string' },
      redis: { type: 'string' },
      'active-query-after-ms': { type: 'string' },
      'notify-signing': { type: 'string' },
      log: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const certificatePrivateKey = env.MOCK_BACKEND_PLATFORM_PRIVATE_KEY?.replace(/\\n/g, '\n');
  const publicKeyPrivateKey = env.MOCK_BACKEND_WECHATPAY_PUBLIC_KEY_PRIVATE_KEY?.replace(
    /\\n/g,
    '\n',
  );
  if (!certificatePrivateKey !== !publicKeyPrivateKey)
    throw new Error(
      'give both MOCK_BACKEND_PLATFORM_PRIVATE_KEY and MOCK_BACKEND_WECHATPAY_PUBLIC_KEY_PRIVATE_KEY, or neither',
    );
  return {
    port: integerOf(env.PORT || undefined) ?? 3000,
    logger: values.log ?? false,
    keys: keysFromEnvironment(env),
    dataDir: values.memory ? undefined : values['data-dir'],
    redisUrl: values.redis ?? (env.REDIS_URL || undefined),
    activeQueryAfterMs: integerOf(values['active-query-after-ms']),
    notifySigning: values['notify-signing'] as NotifySigning | undefined,
    ...(certificatePrivateKey && publicKeyPrivateKey
      ? { platformKeys: { certificatePrivateKey, publicKeyPrivateKey } }
      : {}),
  };
}

async function main(): Promise<void> {
  const options = parseBackendCli(process.argv.slice(2), process.env);
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const backend = await startBackend(options);
  const { redis } = backend.merchant.config;
  const kept = [
    options.dataDir ? `data in ${options.dataDir}` : 'in memory',
    redis ? `orders shared over Redis at ${redis.shown}` : '',
  ];
  console.log(
    `listening on ${backend.url} (the merchant server and the WeChat Pay simulator; ${kept.filter(Boolean).join(', ')})`,
  );
  console.log(`dashboard: ${backend.url}/`);
  const shutdown = (): void => {
    backend.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`[backend] ${(error as Error).message}`);
    process.exit(1);
  });
}
