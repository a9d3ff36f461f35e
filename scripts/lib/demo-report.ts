import type { SheetAnswer } from './bridge-wx';
import type { PageHandle } from './demo-app';
import type { DemoSession } from './demo-session';

/** What the user saw in one purchase (or cash-out), and what it took. */
export interface PurchaseReport {
  productId: string;
  answer: SheetAnswer;
  /** For the person paying (miniprogram-pay/messages): 'Paid', 'Cancelled', 'Payment failed', 'Processing'. */
  title: string;
  /** For the person paying: a sentence for a modal. */
  text: string;
  /** For the developer: the result's detail and code. */
  detail: string;
  /** The checkout page's own line, e.g. 'Confirmation: 412 ms, 2 status queries'; '' on the cash-out page. */
  timing: string;
  /** From the page's timing line. */
  confirmationMs: number | undefined;
  /** GET /api/orders/:id requests the bridge saw. */
  statusQueries: number;
  /** The count the page showed. */
  pageStatusQueries: number | undefined;
  ordersCreated: number;
  sheetsShown: number;
  /** The names of the parameters the server sent, as the page shows them. */
  paramsShape: string;
  orderId: string;
  /** From the tap to the result on screen. */
  elapsedMs: number;
  /** The progress lines the page showed, in order. */
  stages: string[];
  /** The buttons of the action sheet the user answered. */
  sheet: string[];
  /** The page, still open. */
  page: PageHandle;
}

/** How far the page and the bridge had got just before the tap. */
export interface TapMark {
  readonly updates: number;
  readonly requests: number;
  readonly sheets: number;
  readonly at: number;
}

/** Call just before the tap that starts a payment; pass the answer to {@link readReport}. */
export function markTap(session: DemoSession, page: PageHandle): TapMark {
  const { bridge } = session;
  return {
    updates: page.updates.length,
    requests: bridge.requests.length,
    sheets: bridge.sheets.length,
    at: Date.now(),
  };
}

/** Reads the result on `page` and what happened since `mark`, once the result is shown. */
export function readReport(
  session: DemoSession,
  page: PageHandle,
  mark: TapMark,
  tapped: { productId: string; answer: SheetAnswer },
): PurchaseReport {
  const { bridge } = session;
  const elapsedMs = Date.now() - mark.at;
  // Requests may still be finishing (an aborted long-poll); count what the checkout sent.
  const made = bridge.requests.slice(mark.requests);
  const timing = page.text('#timing');
  const parsed = /Confirmation: (\d+) ms, (\d+) status quer/.exec(timing);
  return {
    ...tapped,
    title: page.text('#result-title'),
    text: page.text('#result-text'),
    detail: page.text('#result-detail'),
    timing,
    confirmationMs: parsed ? Number(parsed[1]) : undefined,
    statusQueries: made.filter((r) => r.method === 'GET' && r.path.startsWith('/api/orders/'))
      .length,
    pageStatusQueries: parsed ? Number(parsed[2]) : undefined,
    ordersCreated: made.filter((r) => r.method === 'POST' && r.path === '/api/orders').length,
    sheetsShown: bridge.sheets.length - mark.sheets,
    // 'Signed by the server: …' on the checkout page, 'From the server: …' on the cash-out page.
    paramsShape: page.text('#params').replace(/^[^:]*: /, ''),
    orderId: String(page.data.orderId ?? ''),
    elapsedMs,
    stages: page.updates
      .slice(mark.updates)
      .map((update) => update.stageText)
      .filter((text, index, all): text is string => !!text && text !== all[index - 1]),
    sheet: bridge.sheets[mark.sheets] ?? [],
    page,
  };
}
