import type { SheetAnswer } from './bridge-wx';
import { type PageHandle, waitFor } from './demo-app';
import { markTap, type PurchaseReport, readReport } from './demo-report';
import { type DemoSession, openShop } from './demo-session';

export type { PurchaseReport } from './demo-report';

export interface PurchaseOptions {
  productId: string;
  /** The shop's profile chip. @default 'wechat-v3' */
  profile?: string;
  /** The action sheet button; 'none' when no sheet is expected to open. @default 'Pay' */
  answer?: SheetAnswer;
  /** Tap Pay twice in a row. */
  doubleTap?: boolean;
  /** Called once the page shows the `confirming` stage (e.g. to stop the backend). */
  whileConfirming?: (page: PageHandle) => unknown;
  timeoutMs?: number;
}

/** Shop -> profile -> product -> Pay -> the action sheet answer -> the result on screen. */
export async function purchase(
  session: DemoSession,
  options: PurchaseOptions,
): Promise<PurchaseReport> {
  const { bridge, app } = session;
  const profile = options.profile ?? 'wechat-v3';
  const answer = options.answer ?? 'Pay';
  const shop = await openShop(session);
  await shop.tap(`#profile-${profile}`);
  await shop.tap(`#product-${options.productId}`);
  const page = app.current;
  if (page.route !== 'pages/checkout/index')
    throw new Error(`[demo] not on checkout: ${page.route}`);
  await waitFor(
    () => page.has('#pay') || page.has('#error'),
    () => page.text(),
  );
  if (page.has('#error')) throw new Error(`[demo] checkout: ${page.text('#error')}`);

  const mark = markTap(session, page);
  if (answer !== 'none') bridge.answerSheets(answer);
  const taps = [page.tap('#pay')];
  if (options.doubleTap) taps.push(page.tap('#pay'));
  await Promise.all(taps);
  if (options.whileConfirming) {
    await waitFor(
      () => page.text('#stage').startsWith('Confirming'),
      () => page.text(),
      options.timeoutMs,
    );
    await options.whileConfirming(page);
  }
  await waitFor(
    () => page.has('#result'),
    () => page.text(),
    options.timeoutMs,
  );
  return readReport(session, page, mark, { productId: options.productId, answer });
}
