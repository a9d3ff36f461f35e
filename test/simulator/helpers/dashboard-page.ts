import type { Browser, Locator, Page } from 'playwright-core';
import type { Simulator } from '../../../simulator/src/server';

/**
 * Opens the simulator's dashboard in a browser whose own time zone is not Beijing's (so that
 * a time shown in the browser's zone would show). Every request the page makes is kept.
 */
export async function openDashboard(browser: Browser, simulator: Simulator) {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    timezoneId: 'America/New_York',
  });
  page.setDefaultTimeout(10_000);
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${simulator.url}/`);
  await page.getByRole('status').getByText('Live').waitFor();
  // Set once; a reload would lose it.
  await page.evaluate(() => Object.assign(window, { loadedOnce: true }));
  return { page, requests, errors };
}

export function wasNotReloaded(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce === true);
}

export function transactionRow(page: Page, outTradeNo: string): Locator {
  return page.getByRole('rowgroup', { name: `Transaction ${outTradeNo}` });
}

/** Waits until the row's state cell reads `text` (the trade state, the cashier's answer). */
export async function seeState(row: Locator, text: RegExp): Promise<void> {
  await row.getByRole('cell', { name: text }).waitFor();
}

/** The names of the row's buttons, but Sequence. */
export async function actionButtons(row: Locator): Promise<string[]> {
  const names = await row.getByRole('button').allTextContents();
  return names.filter((name) => name !== 'Sequence');
}

/** `2026-12-05 18:57:10`, as a time in Beijing reads. */
export function beijing(ms: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(ms))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
