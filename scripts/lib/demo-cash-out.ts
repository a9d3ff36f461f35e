import type { SheetAnswer } from './bridge-wx';
import { waitFor } from './demo-app';
import type { PurchaseReport } from './demo-purchase';
import { type DemoSession, openShop } from './demo-session';

/**
 * Shop -> "Cash out my rewards" -> Cash out -> the receipt page's answer ("Confirm receipt" or
 * "Not now") -> the result on screen. Reported as a purchase: the same measures.
 */
export async function cashOut(
  session: DemoSession,
  options: { answer?: SheetAnswer; timeoutMs?: number } = {},
): Promise<PurchaseReport> {
  const { bridge, app } = session;
  const answer = options.answer ?? 'Confirm receipt';
  const shop = await openShop(session);
  await shop.tap('#cash-out-link');
  const page = app.current;
  if (page.route !== 'pages/cash-out/index') {
    throw new Error(`[demo] not on the cash-out page: ${page.route}`);
  }
  await waitFor(
    () => page.has('#cash-out') || page.has('#error'),
    () => page.text(),
  );
  if (page.has('#error')) throw new Error(`[demo] cash-out: ${page.text('#error')}`);
  const updatesBefore = page.updates.length;
  const requestsBefore = bridge.requests.length;
  const sheetsBefore = bridge.sheets.length;
  bridge.answerSheets(answer);
  const started = Date.now();
  await page.tap('#cash-out');
  await waitFor(
    () => page.has('#result'),
    () => page.text(),
    options.timeoutMs,
  );
  const made = bridge.requests.slice(requestsBefore);
  const statusQueries = made.filter(
    (r) => r.method === 'GET' && r.path.startsWith('/api/orders/'),
  ).length;
  return {
    productId: 'cash-out',
    profile: 'wechat',
    answer,
    title: page.text('#result-title'),
    text: page.text('#result-text'),
    detail: page.text('#result-detail'),
    timing: '',
    confirmationMs: undefined,
    statusQueries,
    pageStatusQueries: undefined,
    ordersCreated: made.filter((r) => r.method === 'POST' && r.path === '/api/orders').length,
    sheetsShown: bridge.sheets.length - sheetsBefore,
    paramsShape: 'mchId, package, appId, openId',
    orderId: String(page.data.orderId ?? ''),
    elapsedMs: Date.now() - started,
    stages: page.updates
      .slice(updatesBefore)
      .map((update) => update.stageText)
      .filter((text, index, all): text is string => !!text && text !== all[index - 1]),
    sheet: bridge.sheets[sheetsBefore] ?? [],
    page,
  };
}
