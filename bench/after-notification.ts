// The first measure of `npm run bench`: how long after the backend turned paid each strategy
// knew, against the demo's backend on loopback (its merchant server in notify-only mode: the
// order turns paid only when the simulator's signed notification arrives).
import { startBackend } from '../scripts/lib/backend';
import { miniprogramPay, type Strategy, uniPay, vkUniPay } from './strategies';

export interface AfterNotificationRow {
  strategy: string;
  addedLatencyMs: number[];
  clientQueries: number[];
  serverChecks: number[];
  pending: number;
}

export async function measureAfterNotification(
  delays: readonly number[],
  compression: number,
): Promise<AfterNotificationRow[]> {
  const backend = await startBackend({ port: 0, activeQueryAfterMs: -1 });
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
    vkUniPay(compression),
    uniPay(compression),
    miniprogramPay(compression, false),
    miniprogramPay(compression, true),
    // BENCH_TRY='{"maxIntervalMs":1500}' adds a row for a candidate schedule, to compare.
    ...(process.env.BENCH_TRY
      ? [miniprogramPay(compression, false, JSON.parse(process.env.BENCH_TRY))]
      : []),
  ];
  try {
    return await Promise.all(
      strategies.map(async (strategy) => {
        const row: AfterNotificationRow = {
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
              notifyDelayMs: Math.round(delayMs / compression),
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
              row.addedLatencyMs.push(
                Math.max(0, found.paidKnownAt - (await paidAt)) * compression,
              );
          }),
        );
        return row;
      }),
    );
  } finally {
    await backend.close();
  }
}
