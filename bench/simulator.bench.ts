// npm run bench:simulator: how close a complete signed payment through the simulator comes to
// the cost of the RSA signatures it cannot skip, and the 24-hour retry schedule on the test
// clock. The simulator, the merchant and its notify_url share this one process (one core), so
// the ratio is the share of that core the unavoidable signatures take. The signature rate and
// the flows are measured in alternating rounds, so that a busy machine slows both alike.
// Prints figures; never fails on them.
import * as os from 'node:os';
import { startSimulator } from '../simulator/src/server';
import { payFor, SIGNATURES_PER_FLOW, VERIFICATIONS_PER_FLOW } from './simulator/flow';
import { BenchMerchant } from './simulator/merchant';
import { NotificationReceiver } from './simulator/receiver';
import { playRetrySchedule } from './simulator/retry-schedule';
import { RsaMeter, rate, type Tally } from './simulator/rsa';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const FLOW_SECONDS = Number(process.env.BENCH_FLOW_SECONDS ?? 1);
const RSA_SECONDS = Number(process.env.BENCH_RSA_SECONDS ?? 0.4);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

async function main(): Promise<void> {
  const simulator = await startSimulator();
  const merchant = new BenchMerchant(simulator.url, CONCURRENCY);
  const receiver = new NotificationReceiver(merchant);
  try {
    await receiver.start();
    await merchant.register();
    const rsa = new RsaMeter();
    await payFor(merchant, receiver, 1, CONCURRENCY); // warm-up: JIT, connections
    const flows: Tally = { count: 0, seconds: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      rsa.measure(RSA_SECONDS);
      await payFor(merchant, receiver, FLOW_SECONDS, CONCURRENCY, flows);
    }
    const [load] = os.loadavg();
    console.log(
      `machine: ${os.cpus().length} cores, load average ${load?.toFixed(1)} over the last minute (what else runs slows the flows and the signatures alike, not always equally)`,
    );
    const signaturesPerSecond = rate(rsa.signatures);
    const flowsPerSecond = rate(flows);
    console.log(
      `RSA-2048 with node:crypto on one core (the physical limit): ${Math.round(signaturesPerSecond)} signatures/s (${Math.round(rate(rsa.verifications))} verifications/s)`,
    );
    console.log(
      `complete signed flows through the simulator over loopback HTTP (create the JSAPI order, pay at /sim/cashier, the notification delivered to the merchant's notify_url and verified, query), ${CONCURRENCY} at a time: ${flows.count} in ${flows.seconds.toFixed(1)} s = ${flowsPerSecond.toFixed(1)} flows/s`,
    );
    const verifyCost = (VERIFICATIONS_PER_FLOW * signaturesPerSecond) / rate(rsa.verifications);
    console.log(
      `RSA signatures one flow must make: ${SIGNATURES_PER_FLOW} (merchant: order request, paySign, query request; simulator: order answer, notification, query answer); its ${VERIFICATIONS_PER_FLOW} verifications are not counted (together they cost ${verifyCost.toFixed(2)} of a signature)`,
    );
    console.log(
      `ratio ${((flowsPerSecond * SIGNATURES_PER_FLOW) / signaturesPerSecond).toFixed(2)}`,
    );

    const schedule = await playRetrySchedule(merchant, receiver);
    console.log(
      `24-hour retry schedule through the test clock: ${schedule.attempts} attempts (${schedule.state}) played by one advance of 25 h in ${Math.round(schedule.milliseconds)} ms`,
    );
  } finally {
    merchant.close();
    await receiver.close();
    await simulator.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
