import { parseCli, USAGE } from './config/cli';
import { startMerchantServer } from './server';

async function main(): Promise<void> {
  const command = parseCli(process.argv.slice(2), process.env);
  if (command.help) {
    console.log(USAGE);
    return;
  }
  const server = await startMerchantServer(command.options);
  const { redis, dataDir } = server.config;
  const storage = redis
    ? `shared over Redis at ${redis.shown}`
    : dataDir
      ? `data in ${dataDir}`
      : 'in memory';
  console.log(
    `merchant server listening on ${server.url} (${storage}; WeChat Pay at ${server.simulatorUrl})`,
  );
  const shutdown = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  const { message } = error as Error;
  console.error(message.startsWith('[merchant-server]') ? message : `[merchant-server] ${message}`);
  process.exit(1);
});
