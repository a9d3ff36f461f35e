import type { SheetAnswer } from './bridge-wx';
import { type PageHandle, waitFor } from './demo-app';
import { type DemoSession, openShop } from './demo-session';

/** What the user saw in one purchase, and what it took. */
export interface PurchaseReport {
  productId: string;
  profile: string;
  answer: SheetAnswer;
  /** For the person paying (miniprogram-pay/messages): 'Paid', 'Cancelled', 'Payment failed', 'Processing'. */
  title: string;
  /** For the person paying: a sentence for a modal. */
  text: string;
  /** For the developer: the result's detail and code. */
  detail: string;
  /** The page's own line, e.g. 'Confirmation: 412 ms, 2 status queries'. */
  timing: string;
  /** From the page's timing line. */
  confirmationMs: number | undefined;
  /** GET /api/orders/:id requests the bridge saw. */
  statusQueries: number;
  /** The count the page showed. */
  pageStatusQueries: number | undefined;
  ordersCreated: number;
  sheetsShown: number;
  /** The parameter names the server signed, as the page shows them. */
  paramsShape: string;
  orderId: string;
  /** From the tap on Pay to the result on screen. */
  elapsedMs: number;
  /** The progress lines the page showed, in order. */
  stages: string[];
  /** The buttons of the action sheet the user answered. */
  sheet: string[];
  /** The checkout page, still open. */
  page: PageHandle;
}

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

  const updatesBefore = page.updates.length;
  const requestsBefore = bridge.requests.length;
  const sheetsBefore = bridge.sheets.length;
  if (answer !== 'none') bridge.answerSheets(answer);
  const started = Date.now();
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
  const elapsedMs = Date.now() - started;
  // Requests may still be finishing (an aborted long-poll); count what the checkout sent.
  const made = bridge.requests.slice(requestsBefore);
  const timing = page.text('#timing');
  const parsed = /Confirmation: (\d+) ms, (\d+) status quer/.exec(timing);
  return {
    productId: options.productId,
    profile,
    answer,
    title: page.text('#result-title'),
    text: page.text('#result-text'),
    detail: page.text('#result-detail'),
    timing,
    confirmationMs: parsed ? Number(parsed[1]) : undefined,
    statusQueries: made.filter((r) => r.method === 'GET' && r.path.startsWith('/api/orders/'))
      .length,
    pageStatusQueries: parsed ? Number(parsed[2]) : undefined,
    ordersCreated: made.filter((r) => r.method === 'POST' && r.path === '/api/orders').length,
    sheetsShown: bridge.sheets.length - sheetsBefore,
    paramsShape: page.text('#params').replace(/^Signed by the server: /, ''),
    orderId: String(page.data.orderId ?? ''),
    elapsedMs,
    stages: page.updates
      .slice(updatesBefore)
      .map((update) => update.stageText)
      .filter((text, index, all): text is string => !!text && text !== all[index - 1]),
    sheet: bridge.sheets[sheetsBefore] ?? [],
    page,
  };
}
