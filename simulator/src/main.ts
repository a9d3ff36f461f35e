import { parseCli, USAGE } from './config/cli';
import { startSimulator } from './server';

async function main(): Promise<void> {
  const command = parseCli(process.argv.slice(2), process.env);
  if (command.help) {
    console.log(USAGE);
    return;
  }
  const simulator = await startSimulator(command.options);
  const storage = simulator.dataDir ? `data in ${simulator.dataDir}` : 'in memory';
  console.log(`listening on ${simulator.url} (${storage})`);
  const shutdown = (): void => {
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`[wechatpay-simulator] ${(error as Error).message}`);
  process.exit(1);
});
