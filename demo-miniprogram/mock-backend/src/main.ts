import { parseCliOptions, USAGE } from './config/cli-options';
import { startMockBackend } from './server';

async function main(): Promise<void> {
  const command = parseCliOptions(process.argv.slice(2), process.env);
  if (command.help) {
    console.log(USAGE);
    return;
  }
  const backend = await startMockBackend(command.options);
  const storage = backend.dataDir ? `data in ${backend.dataDir}` : 'in memory';
  const shared = backend.redis ? `, long-polls shared over Redis at ${backend.redis}` : '';
  console.log(`mock backend listening on ${backend.url} (${storage}${shared})`);
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

main().catch((error: unknown) => {
  console.error(`[mock-backend] ${(error as Error).message}`);
  process.exit(1);
});
