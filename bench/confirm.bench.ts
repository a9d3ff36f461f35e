// npm run bench: how fast each confirmation strategy learns that an order is paid, and how
// many status requests it costs, against the real mock backend on loopback in notify-only
// mode (the order turns paid only when the platform's notification arrives). Prints figures;
// never fails on them.
import { startMockBackend } from '../demo-miniprogram/mock-backend/src/server';
import { DEFAULT_CONFIRM } from '../src/index';
import { drawNotifyDelays, NOTIFY_DELAY_BANDS } from './distribution';
import { median, quantile } from './stats';
import { miniprogramPay, type Strategy, uniPay, vkUniPay } from './strategies';

const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 40);
const SEED = Number(process.env.BENCH_SEED ?? 20261122);
/** Every delay, interval and deadline of every strategy is divided by this. */
const COMPRESSION = Number(process.env.BENCH_COMPRESSION ?? 4);

interface Row {
  strategy: string;
  addedLatencyMs: number[];
  clientQueries: number[];
  serverChecks: number[];
  pending: number;
}

async function main() {
  const backend = await startMockBackend({ memory: true, activeQueryAfterMs: -1 });
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${backend.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`POST ${path}: HTTP ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };

  /** Resolves Date.now() when the backend first answers the order paid (its own long-poll). */
  const watchPaid = async (orderId: string) => {
    for (;;) {
      const response = await fetch(`${backend.url}/api/orders/${orderId}?waitMs=25000`);
      const { state } = (await response.json()) as { state: string };
      if (state === 'paid') return Date.now();
    }
  };

  const strategies: Strategy[] = [
    vkUniPay(COMPRESSION),
    uniPay(COMPRESSION),
    miniprogramPay(COMPRESSION, false),
    miniprogramPay(COMPRESSION, true),
    // BENCH_TRY='{"maxIntervalMs":1500}' adds a row for a candidate schedule, to compare.
    ...(process.env.BENCH_TRY
      ? [miniprogramPay(COMPRESSION, false, JSON.parse(process.env.BENCH_TRY))]
      : []),
  ];
  const delays = drawNotifyDelays(PAYMENTS, SEED);
  console.log(
    `${PAYMENTS} payments per strategy, notification delays (seed ${SEED}): ${NOTIFY_DELAY_BANDS.map(
      (band) => `${band.name} ${band.fromMs / 1000}-${band.toMs / 1000} s (${band.share * 100}%)`,
    ).join(
      ', ',
    )}; time compressed ${COMPRESSION}x for every strategy alike, figures below scaled back.`,
  );
  console.log(`miniprogram-pay default schedule: ${JSON.stringify(DEFAULT_CONFIRM)}\n`);

  const rows: Row[] = await Promise.all(
    strategies.map(async (strategy) => {
      const row: Row = {
        strategy: strategy.name,
        addedLatencyMs: [],
        clientQueries: [],
        serverChecks: [],
        pending: 0,
      };
      await Promise.all(
        delays.map(async (delayMs) => {
          const order = await post('/api/orders', { productId: 'coffee-beans' });
          const orderId = order.orderId as string;
          const answer = await post('/sim/cashier', {
            api: 'requestPayment',
            params: order.params,
            action: 'pay',
            notifyDelayMs: Math.round(delayMs / COMPRESSION),
          });
          if (!/:ok$/.test(String(answer.errMsg)))
            throw new Error(`cashier refused: ${answer.errMsg}`);
          const paidAt = watchPaid(orderId);
          paidAt.catch(() => {}); // a strategy that gives up leaves its watcher to the close
          const found = await strategy.confirm(backend.url, orderId);
          row.clientQueries.push(found.clientQueries);
          row.serverChecks.push(found.serverChecks);
          if (found.paidKnownAt === undefined) row.pending++;
          else
            row.addedLatencyMs.push(Math.max(0, found.paidKnownAt - (await paidAt)) * COMPRESSION);
        }),
      );
      return row;
    }),
  );
  await backend.close();

  const ms = (value: number) => (Number.isNaN(value) ? '-' : `${Math.round(value)} ms`);
  for (const row of rows) {
    console.log(row.strategy);
    console.log(
      `  added latency after paid: median ${ms(median(row.addedLatencyMs))}, p95 ${ms(quantile(row.addedLatencyMs, 0.95))}, max ${ms(Math.max(...row.addedLatencyMs))}`,
    );
    console.log(
      `  status requests per payment: median ${median(row.clientQueries)}, max ${Math.max(...row.clientQueries)}` +
        (row.serverChecks.some(Boolean)
          ? ` (server re-checks: median ${median(row.serverChecks)}, max ${Math.max(...row.serverChecks)})`
          : ''),
    );
    console.log(`  left pending: ${row.pending} of ${PAYMENTS}\n`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
