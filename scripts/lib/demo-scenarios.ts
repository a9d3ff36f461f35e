import * as path from 'node:path';
import { type BridgeWx, createBridgeWx, type SheetAnswer } from './bridge-wx';
import { createDemoApp, type DemoApp, MINIPROGRAM_DIR, type PageHandle, waitFor } from './demo-app';

/** demo-miniprogram/miniprogram/config.js. */
export interface DemoConfig {
  baseUrl: string;
  useRealHost: boolean;
  checkout: {
    hostTimeoutMs?: number;
    resumeGraceMs?: number;
    confirm?: Record<string, number>;
  };
  sim: { notifyDelayMs?: number; dropNotify?: boolean };
}

/** The demo app running headless against a backend. */
export interface DemoSession {
  readonly app: DemoApp;
  readonly bridge: BridgeWx;
  /** The live config.js object: changes apply to the next launch (`sim` to the next payment). */
  readonly config: DemoConfig;
}

/**
 * Loads the demo's config.js and app.js with the bridge as `wx`, applies `overrides` to the
 * config and launches the app. Once per process.
 */
export async function startDemoSession(overrides: Partial<DemoConfig>): Promise<DemoSession> {
  const bridge = createBridgeWx();
  const config = require(path.join(MINIPROGRAM_DIR, 'config.js')) as DemoConfig;
  Object.assign(config, overrides);
  const app = createDemoApp(bridge);
  await app.launch();
  return { app, bridge, config };
}

/** The shop page, opened fresh with its products loaded. */
export async function openShop(session: DemoSession): Promise<PageHandle> {
  const { app } = session;
  try {
    while (app.current.route !== 'pages/shop/index') app.back();
  } catch {
    app.open('/pages/shop/index');
  }
  const shop = app.current;
  await waitFor(
    () => shop.has('#products .row') || shop.has('#error'),
    () => `shop: ${shop.text()}`,
  );
  if (shop.has('#error')) throw new Error(`[demo] the shop cannot load: ${shop.text('#error')}`);
  return shop;
}

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
  /** The action sheet button. @default 'Pay' */
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
  bridge.answerSheets(answer);
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

/** One step of the walkthrough and what the user must see. */
export interface Scenario {
  name: string;
  productId: string;
  profile?: string;
  answer: SheetAnswer;
  /** The simulated platform's behaviour for this step. */
  sim?: DemoConfig['sim'];
  expectTitle: string;
  /** Text the result must contain. */
  expectText?: string;
}

/** The main job, as `npm run demo` walks through it. */
export const WALKTHROUGH: Scenario[] = [
  { name: 'pay', productId: 'coffee-beans', answer: 'Pay', expectTitle: 'Paid' },
  { name: 'cancel', productId: 'mug', answer: 'Cancel', expectTitle: 'Cancelled' },
  {
    name: 'fail',
    productId: 'sticker',
    answer: 'Fail',
    expectTitle: 'Payment failed',
    expectText: '支付失败',
  },
  {
    name: 'lost callback',
    productId: 'coffee-beans',
    answer: 'Pay but lose the callback',
    expectTitle: 'Paid',
    expectText: 'never called back',
  },
  {
    name: 'backend late',
    productId: 'mug',
    answer: 'Pay',
    sim: { dropNotify: true },
    expectTitle: 'Paid',
  },
  { name: 'coins', productId: 'coins-60', answer: 'Pay', expectTitle: 'Paid' },
];

/** Runs one scenario; `problems` lists what misbehaved (empty when it behaved). */
export async function runScenario(
  session: DemoSession,
  scenario: Scenario,
): Promise<{ report: PurchaseReport; problems: string[] }> {
  // The sim host holds this very object: change it in place, restore it in place.
  const live = session.config.sim as Record<string, unknown>;
  const saved = { ...live };
  Object.assign(live, scenario.sim);
  try {
    const report = await purchase(session, scenario);
    const problems: string[] = [];
    if (report.title !== scenario.expectTitle) {
      problems.push(
        `expected "${scenario.expectTitle}", the page shows "${report.title}: ${report.text}"`,
      );
    }
    if (scenario.expectText && !report.detail.includes(scenario.expectText)) {
      problems.push(
        `expected the developer detail to mention "${scenario.expectText}": ${report.detail}`,
      );
    }
    if (report.ordersCreated !== 1) problems.push(`${report.ordersCreated} orders created`);
    if (report.sheetsShown !== 1) problems.push(`${report.sheetsShown} cashier sheets shown`);
    return { report, problems };
  } finally {
    for (const key of Object.keys(live)) delete live[key];
    Object.assign(live, saved);
  }
}
