import { startBackend } from './backend';
import { installMiniprogramNpmResolver } from './demo-app';
import { type PurchaseReport, runScenario, startDemoSession, WALKTHROUGH } from './demo-scenarios';

/** Settings of the headless walkthrough: short delays, so it takes seconds. */
export const WALKTHROUGH_CONFIG = {
  checkout: {
    hostTimeoutMs: 10000,
    resumeGraceMs: 300,
    confirm: { deadlineMs: 8000, waitMs: 3000 },
  },
  sim: { notifyDelayMs: 150 },
};

/** How late a notification may be before the backend queries the platform itself. */
export const ACTIVE_QUERY_AFTER_MS = 800;

/**
 * `npm run demo`: the backend (merchant server and WeChat Pay simulator) on a free port, the demo's real pages (miniprogram-simulate,
 * official wcc) using the built `miniprogram_npm/miniprogram-pay`, `wx.request` bridged to the
 * backend, and each scenario tapped through. Resolves true when every scenario behaved.
 */
export async function runWalkthrough(log: (line: string) => void = console.log): Promise<boolean> {
  installMiniprogramNpmResolver();
  const backend = await startBackend({
    port: 0,
    activeQueryAfterMs: ACTIVE_QUERY_AFTER_MS,
    defaultNotifyDelayMs: 150,
  });
  log(
    `backend: ${backend.url}, the merchant server and the WeChat Pay simulator (in memory; notifications after 150 ms)`,
  );
  const failures: string[] = [];
  const rows: string[][] = [];
  try {
    const session = await startDemoSession({ ...WALKTHROUGH_CONFIG, baseUrl: backend.url });
    log('demo app launched: logged in, resumePending() done\n');
    for (const [index, scenario] of WALKTHROUGH.entries()) {
      const heading = `${index + 1}. ${scenario.name}: ${scenario.productId}, action sheet -> "${scenario.answer}"${scenario.sim?.dropNotify ? ' (the platform notification never arrives)' : ''}`;
      log(heading);
      try {
        const since = Date.now();
        const { report, problems } = await runScenario(session, scenario);
        describe(report, log);
        await describeWeChatCalls(backend.url, since, log);
        rows.push([
          scenario.name,
          report.title,
          report.confirmationMs === undefined ? '-' : `${report.confirmationMs} ms`,
          String(report.statusQueries),
          `${report.elapsedMs} ms`,
          problems.length ? 'no' : 'yes',
        ]);
        if (problems.length) {
          failures.push(`${scenario.name}: ${problems.join('; ')}`);
          for (const problem of problems) log(`   ✗ ${problem}`);
        } else {
          log(`   ✓ ${scenario.expectTitle}, as expected`);
        }
      } catch (error) {
        failures.push(`${scenario.name}: ${(error as Error).message}`);
        log(`   ✗ ${(error as Error).message}`);
      }
      log('');
    }
  } finally {
    await backend.close();
  }
  table(
    [
      ['scenario', 'screen', 'confirmation', 'status queries', 'tap to result', 'as expected'],
      ...rows,
    ],
    log,
  );
  log('');
  log(
    failures.length
      ? `${failures.length} of ${WALKTHROUGH.length} scenarios misbehaved:\n  ${failures.join('\n  ')}`
      : `All ${WALKTHROUGH.length} scenarios behaved.`,
  );
  return failures.length === 0;
}

function table(rows: string[][], log: (line: string) => void): void {
  const widths = rows[0]?.map((_, column) =>
    Math.max(...rows.map((row) => row[column]?.length ?? 0)),
  );
  for (const row of rows)
    log(`  ${row.map((cell, column) => cell.padEnd(widths?.[column] ?? 0)).join('  ')}`.trimEnd());
}

function describe(report: PurchaseReport, log: (line: string) => void): void {
  log(`   from the server: ${report.paramsShape}`);
  log(`   action sheet: [${report.sheet.join(' | ')}] -> "${report.answer}"`);
  log(`   progress: ${report.stages.join(' -> ')}`);
  log(`   screen: ${report.title}. ${report.text}`);
  if (report.detail) log(`   developer: ${report.detail}`);
  if (report.timing) log(`   ${report.timing}`);
  log(
    `   ${count(report.ordersCreated, 'order', 'orders')}, ${count(report.sheetsShown, 'cashier sheet', 'cashier sheets')}, ${count(report.statusQueries, 'status query', 'status queries')}, ${report.elapsedMs} ms from the tap to the result`,
  );
}

/**
 * The chain behind the screen since `since`, as the simulator's journal has it: the HTTP calls
 * the merchant made to WeChat (the simulator), and what WeChat sent the merchant.
 */
async function describeWeChatCalls(
  url: string,
  since: number,
  log: (line: string) => void,
): Promise<void> {
  const read = async (path: string) => (await fetch(`${url}${path}`)).json();
  const { requests } = (await read('/sim/requests')) as {
    requests: {
      wallAt: number;
      method: string;
      url: string;
      status: number;
      verdict: { verified?: boolean };
    }[];
  };
  const calls = requests.filter(
    (request) => request.wallAt >= since && !request.url.startsWith('/sim/'),
  );
  log(`   the merchant's calls to WeChat Pay: ${calls.length || 'none'}`);
  for (const call of calls) {
    const verified = call.verdict.verified ? ', signature verified' : '';
    log(`     ${call.method} ${call.url.split('?')[0]} -> ${call.status}${verified}`);
  }
  const { notifications } = (await read('/sim/notifications')) as {
    notifications: {
      eventType: string;
      url: string;
      attempts: { wallAt: number; status?: number }[];
    }[];
  };
  for (const notification of notifications) {
    for (const attempt of notification.attempts.filter((each) => each.wallAt >= since)) {
      const path = new URL(notification.url).pathname;
      log(
        `   WeChat's ${notification.eventType} to the merchant: POST ${path} -> ${attempt.status ?? 'no answer'}`,
      );
    }
  }
}

/** `1 order`, `2 orders`. */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
