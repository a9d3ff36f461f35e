// The second measure of `npm run bench`: from the cashier closing (WeChat Pay has the order
// paid at that moment) to the page knowing it is paid, which is what the person paying waits.
// The notification lands after the benchmark's delays; each strategy is a client and a status
// rule on a model server (model-server.ts) whose client and platform round trips are modelled.
import { type Network, type StatusRule, startModelServer } from './model-server';
import { miniprogramPay, oneRequest, type Strategy, vkUniPay } from './strategies';

export interface ScreenRow {
  strategy: string;
  /** Cashier closed -> paid on screen, in ms scaled back, of the payments shown paid. */
  paidOnScreenMs: number[];
  statusRequests: number[];
  platformQueries: number[];
  pending: number;
}

/** Real ms between the starts of two payments of a strategy. */
const STAGGER_MS = 25;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ScreenStrategy {
  readonly name: string;
  readonly rule: StatusRule;
  readonly client: Strategy;
}

function strategies(compression: number): ScreenStrategy[] {
  const ms = (value: number) => value / compression;
  const checkout = miniprogramPay(compression, true);
  const intervalMs = ms(1000);
  return [
    {
      name: 'notify-only: miniprogram-pay long-poll, kit route without activeQuery',
      rule: { kind: 'kit' },
      client: checkout,
    },
    {
      name: 'active query after 3 s (the kit before: afterMs 3000)',
      rule: { kind: 'kit', activeQuery: { afterMs: ms(3000), intervalMs } },
      client: checkout,
    },
    {
      name: 'active query at once (the kit now: afterMs 0)',
      rule: { kind: 'kit', activeQuery: { intervalMs } },
      client: checkout,
    },
    {
      name: 'vk-uni-pay: polls every 1.5 s; its server waits 0.5 s, then queries',
      rule: { kind: 'wait-then-query', waitMs: ms(500) },
      client: vkUniPay(compression),
    },
    {
      name: 'uni-pay: one call; its server re-checks every 500 ms up to 20 s for the notification',
      rule: { kind: 'await-notify', everyMs: ms(500), forMs: ms(20_000) },
      client: oneRequest('uni-pay'),
    },
    {
      name: 'physical limit: one client round trip + one platform query',
      rule: { kind: 'one-query' },
      client: oneRequest('limit'),
    },
  ];
}

/**
 * Pays one order per delay for each strategy, all strategies at once, each on its own server.
 * `network` is in real (uncompressed) ms; every time is divided by `compression`.
 */
export async function measurePaidOnScreen(
  delays: readonly number[],
  compression: number,
  network: Network,
): Promise<ScreenRow[]> {
  const compressed = {
    clientRttMs: network.clientRttMs / compression,
    platformRttMs: network.platformRttMs / compression,
  };
  return Promise.all(
    strategies(compression).map(async ({ name, rule, client }, index) => {
      const server = await startModelServer(rule, compressed);
      const row: ScreenRow = {
        strategy: name,
        paidOnScreenMs: [],
        statusRequests: [],
        platformQueries: [],
        pending: 0,
      };
      try {
        await fetch(`${server.url}/api/orders/WARM-UP`); // the first connection is not a payment's
        await Promise.all(
          delays.map(async (delayMs, payment) => {
            // Payments come one after another, not all in the same millisecond.
            await sleep(payment * STAGGER_MS);
            const orderId = `MP${index}x${String(payment).padStart(4, '0')}`;
            const cashierClosedAt = Date.now();
            server.pay(orderId, delayMs / compression);
            const found = await client.confirm(server.url, orderId);
            row.statusRequests.push(found.clientQueries);
            row.platformQueries.push(server.platformQueries(orderId));
            if (found.paidKnownAt === undefined) row.pending++;
            else row.paidOnScreenMs.push((found.paidKnownAt - cashierClosedAt) * compression);
          }),
        );
      } finally {
        await server.close();
      }
      return row;
    }),
  );
}
