// npm run bench: how fast each confirmation strategy shows a payment paid, and what it costs.
// Two measures, side by side: (1) after the notification landed, against the demo's backend
// in notify-only mode; (2) after the cashier closed (WeChat Pay has the order paid then), on a
// model server with the client's and the platform's round trips modelled, which is what the
// person paying waits. Prints figures; never fails on them.
import { DEFAULT_CONFIRM } from '../src/index';
import { measureAfterNotification } from './after-notification';
import { drawNotifyDelays, NOTIFY_DELAY_BANDS } from './distribution';
import { measurePaidOnScreen } from './paid-on-screen';
import { median, quantile } from './stats';

const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 40);
const SEED = Number(process.env.BENCH_SEED ?? 20261122);
/** Every delay, interval and deadline of every strategy is divided by this. */
const COMPRESSION = Number(process.env.BENCH_COMPRESSION ?? 4);
/** Measure (2) is compressed less: its figures are near the round trips, which it would magnify. */
const SCREEN_COMPRESSION = Number(process.env.BENCH_SCREEN_COMPRESSION ?? 1);
/** The round trips of measure (2): the phone to the merchant server, the server to WeChat Pay. */
const NETWORK = {
  clientRttMs: Number(process.env.BENCH_CLIENT_RTT_MS ?? 50),
  platformRttMs: Number(process.env.BENCH_PLATFORM_RTT_MS ?? 40),
};

const ms = (value: number) => (Number.isNaN(value) ? '-' : `${Math.round(value)} ms`);
const spread = (values: number[]) => `median ${median(values)}, max ${Math.max(...values)}`;

async function main() {
  const delays = drawNotifyDelays(PAYMENTS, SEED);
  console.log(
    `${PAYMENTS} payments per strategy, notification delays (seed ${SEED}): ${NOTIFY_DELAY_BANDS.map(
      (band) => `${band.name} ${band.fromMs / 1000}-${band.toMs / 1000} s (${band.share * 100}%)`,
    ).join(
      ', ',
    )}; time compressed ${COMPRESSION}x in (1) and ${SCREEN_COMPRESSION}x in (2), for every strategy alike, figures below scaled back.`,
  );
  console.log(`miniprogram-pay default schedule: ${JSON.stringify(DEFAULT_CONFIRM)}\n`);

  console.log("(1) After the notification landed (the demo's backend, notify-only)\n");
  for (const row of await measureAfterNotification(delays, COMPRESSION)) {
    console.log(row.strategy);
    console.log(
      `  added latency after paid: median ${ms(median(row.addedLatencyMs))}, p95 ${ms(quantile(row.addedLatencyMs, 0.95))}, max ${ms(Math.max(...row.addedLatencyMs))}`,
    );
    console.log(
      `  status requests per payment: ${spread(row.clientQueries)}` +
        (row.serverChecks.some(Boolean) ? ` (server re-checks: ${spread(row.serverChecks)})` : ''),
    );
    console.log(`  left pending: ${row.pending} of ${PAYMENTS}\n`);
  }

  const limitMs = NETWORK.clientRttMs + NETWORK.platformRttMs;
  console.log(
    `(2) Cashier closed -> paid on screen (model server; client round trip ${NETWORK.clientRttMs} ms, platform round trip ${NETWORK.platformRttMs} ms: the physical limit is ${limitMs} ms)\n`,
  );
  for (const row of await measurePaidOnScreen(delays, SCREEN_COMPRESSION, NETWORK)) {
    const p50 = median(row.paidOnScreenMs);
    const p95 = quantile(row.paidOnScreenMs, 0.95);
    const ratio = (value: number) => (value / limitMs).toFixed(2);
    console.log(row.strategy);
    console.log(
      `  paid on screen: median ${ms(p50)}, p95 ${ms(p95)}, max ${ms(Math.max(...row.paidOnScreenMs))} (limit x ${ratio(p50)} / x ${ratio(p95)})`,
    );
    console.log(
      `  per payment: status requests ${spread(row.statusRequests)}; platform queries ${spread(row.platformQueries)}`,
    );
    console.log(`  left pending: ${row.pending} of ${PAYMENTS}\n`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
