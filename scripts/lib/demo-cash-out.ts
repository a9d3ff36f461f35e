import type { SheetAnswer } from './bridge-wx';
import { waitFor } from './demo-app';
import { markTap, type PurchaseReport, readReport } from './demo-report';
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
  const mark = markTap(session, page);
  bridge.answerSheets(answer);
  await page.tap('#cash-out');
  await waitFor(
    () => page.has('#result'),
    () => page.text(),
    options.timeoutMs,
  );
  return readReport(session, page, mark, { productId: 'cash-out', answer });
}
