import { startMockBackend } from '../../demo-miniprogram/mock-backend/src/server';
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
 * `npm run demo`: the mock backend on a free port, the demo's real pages (miniprogram-simulate,
 * official wcc) using the built `miniprogram_npm/miniprogram-pay`, `wx.request` bridged to the
 * backend, and each scenario tapped through. Resolves true when every scenario behaved.
 */
export async function runWalkthrough(log: (line: string) => void = console.log): Promise<boolean> {
  installMiniprogramNpmResolver();
  const backend = await startMockBackend({
    port: 0,
    memory: true,
    activeQueryAfterMs: ACTIVE_QUERY_AFTER_MS,
    defaultNotifyDelayMs: 150,
  });
  log(`mock backend: ${backend.url} (in memory; notifications after 150 ms)`);
  const failures: string[] = [];
  const rows: string[][] = [];
  try {
    const session = await startDemoSession({ ...WALKTHROUGH_CONFIG, baseUrl: backend.url });
    log('demo app launched: logged in, resumePending() done\n');
    for (const [index, scenario] of WALKTHROUGH.entries()) {
      const heading = `${index + 1}. ${scenario.name}: ${scenario.productId}, action sheet -> "${scenario.answer}"${scenario.sim?.dropNotify ? ' (the platform notification never arrives)' : ''}`;
      log(heading);
      try {
        const { report, problems } = await runScenario(session, scenario);
        describe(report, log);
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

/** `1 order`, `2 orders`. */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
