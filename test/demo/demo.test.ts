import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'acorn';
import { type Backend, startBackend } from '../../scripts/lib/backend';
import { BUILT_PACKAGE_ENTRY, waitFor } from '../../scripts/lib/demo-app';
import {
  cashOut,
  type DemoSession,
  openShop,
  purchase,
  runScenario,
  startDemoSession,
  WALKTHROUGH,
} from '../../scripts/lib/demo-scenarios';
import { TEST_KEYS, TEST_PLATFORM_KEYS } from '../merchant-server/helpers/servers';

// The demo's pages `require('miniprogram-pay')` and `require('miniprogram-pay/messages')`; in
// WeChat those are miniprogram_npm/miniprogram-pay/index.js and messages.js, built below by
// packNpmManually from the packed library. jest would map them to src/: point them at the
// built package instead.
jest.mock('miniprogram-pay', () =>
  jest.requireActual(
    require('node:path').join(
      __dirname,
      '../../demo-miniprogram/miniprogram/miniprogram_npm/miniprogram-pay/index.js',
    ),
  ),
);
jest.mock('miniprogram-pay/messages', () =>
  jest.requireActual(
    require('node:path').join(
      __dirname,
      '../../demo-miniprogram/miniprogram/miniprogram_npm/miniprogram-pay/messages.js',
    ),
  ),
);

const ROOT = path.resolve(__dirname, '..', '..');
/** The test keys, so that no backend makes RSA keys. */
const KEYS = { keys: TEST_KEYS, platformKeys: TEST_PLATFORM_KEYS };

interface NpmBuild {
  packedFiles: string[];
  builtFiles: string[];
  miniProgramPackNum: number;
  otherNpmPackNum: number;
  compiledFiles: string[];
}

/** Settings of the demo under test: short delays, so the suite takes seconds. */
const TEST_CHECKOUT = {
  hostTimeoutMs: 5000,
  resumeGraceMs: 100,
  confirm: { deadlineMs: 4000, waitMs: 2000, intervalMs: 200 },
};

let build: NpmBuild;
let backend: Backend;
let session: DemoSession;

beforeAll(async () => {
  // npm pack + packNpmManually in a child process (jest does not load the .mjs script). The
  // library build is `npm test`'s (it builds before jest): rebuilding dist/ here would race
  // with the suites that read it, so it is built only when missing.
  const building = promisify(execFile)(
    process.execPath,
    [path.join(ROOT, 'scripts/lib/build-demo-npm.mjs'), '--json', '--if-missing', '--compile'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  backend = await startBackend({
    ...KEYS,
    activeQueryAfterMs: 500,
    defaultNotifyDelayMs: 50,
  });
  const { stdout } = await building;
  build = JSON.parse(stdout.trim().split('\n').pop() as string);
  session = await startDemoSession({
    baseUrl: backend.url,
    checkout: TEST_CHECKOUT,
    sim: { notifyDelayMs: 50 },
  });
}, 120000);

afterAll(async () => {
  await backend?.close();
});

describe('The demo mini program, tests: the npm build', () => {
  it('packs the library with npm pack and builds it into miniprogram_npm', () => {
    expect(build.packedFiles).toContain('miniprogram_dist/index.js');
    expect(build.packedFiles).toContain('package.json');
    expect(build.packedFiles.filter((file) => file.startsWith('src/'))).toEqual([]);
    // Only the demo's `dependencies` are built: the library, nothing else (no fastify).
    expect(build.miniProgramPackNum).toBe(1);
    expect(build.otherNpmPackNum).toBe(0);
    expect(build.builtFiles).toEqual(['index.js', 'messages.js']);
    const npmDir = path.join(ROOT, 'demo-miniprogram/miniprogram/miniprogram_npm');
    expect(fs.readdirSync(npmDir)).toEqual(['miniprogram-pay']);
  });

  it.each(['index.js', 'messages.js'])(
    'builds the packed miniprogram_dist/%s byte for byte, ES2015, with no require()',
    (file) => {
      const built = fs.readFileSync(path.join(path.dirname(BUILT_PACKAGE_ENTRY), file), 'utf8');
      const packed = fs.readFileSync(
        path.join(ROOT, 'demo-miniprogram/node_modules/miniprogram-pay/miniprogram_dist', file),
        'utf8',
      );
      expect(built).toBe(packed);
      expect(() => parse(built, { ecmaVersion: 2015, sourceType: 'script' })).not.toThrow();
      expect(built).not.toMatch(/\brequire\(/);
    },
  );

  it("compiles with DevTools' compiler, the built package included", () => {
    expect(build.compiledFiles).toEqual(
      expect.arrayContaining([
        'app.json',
        'app.js',
        'miniprogram_npm/miniprogram-pay/index.js',
        ...['shop', 'checkout', 'orders', 'cash-out'].flatMap((page) =>
          ['js', 'json', 'wxml', 'wxss'].map((ext) => `pages/${page}/index.${ext}`),
        ),
      ]),
    );
  });

  it('is what the pages load as miniprogram-pay and miniprogram-pay/messages', () => {
    const loaded = require('miniprogram-pay');
    expect(loaded).toBe(jest.requireActual(BUILT_PACKAGE_ENTRY));
    expect(typeof loaded.createCheckout).toBe('function');
    expect(typeof loaded.httpBackend).toBe('function');
    const messages = require('miniprogram-pay/messages');
    const builtMessages = path.join(path.dirname(BUILT_PACKAGE_ENTRY), 'messages.js');
    expect(messages).toBe(jest.requireActual(builtMessages));
    expect(messages.describeResult({ status: 'paid' }, 'en').title).toBe('Paid');
  });
});

describe('The demo mini program, tests: the shop page', () => {
  it('lists the products from GET /api/products, a coin pack among them, and every profile', async () => {
    const shop = await openShop(session);
    const text = shop.text();
    expect(text).toContain('Coffee beans, 250 g');
    expect(text).toContain('¥68.00');
    expect(text).toContain('60 coins');
    for (const profile of ['wechat-v3', 'wechat-v2-md5', 'wechat-v2-hmac', 'psp', 'tcmpp']) {
      expect(shop.has(`#profile-${profile}`)).toBe(true);
    }
  });

  it('lists the trade-component, B2b and plugin goods; the cash-out has its own page', async () => {
    const shop = await openShop(session);
    for (const id of ['shop-tote', 'b2b-beans-case', 'plugin-guide']) {
      expect(shop.has(`#product-${id}`)).toBe(true);
    }
    expect(shop.has('#product-cash-out')).toBe(false);
    expect(shop.has('#cash-out-link')).toBe(true);
  });
});

describe('The demo mini program, tests: the walkthrough scenarios over the real pages and backend', () => {
  it.each(WALKTHROUGH.map((scenario) => [scenario.name, scenario] as const))(
    '%s',
    async (_name, scenario) => {
      const { report, problems } = await runScenario(session, scenario);
      expect(problems).toEqual([]);
      expect(report.title).toBe(scenario.expectTitle);
      // The progress the page showed, driven by onStage (a cash-out in its own words).
      expect(report.stages).toEqual(
        scenario.productId === 'cash-out'
          ? [
              'Creating the transfer…',
              'Waiting for you to confirm receipt…',
              'Confirming with the server…',
            ]
          : ['Creating the order…', 'Waiting for the payment…', 'Confirming with the server…'],
      );
      // The checkout page's own count of status queries is the backend traffic (the cash-out
      // page shows none).
      if (scenario.productId !== 'cash-out') {
        expect(report.pageStatusQueries).toBe(report.statusQueries);
      }
      expect(report.statusQueries).toBeGreaterThanOrEqual(1);
      if (scenario.answer === 'Cancel' || scenario.answer === 'Fail') {
        // A cancel or a failure is checked once, not polled.
        expect(report.statusQueries).toBe(1);
      }
      if (scenario.sim?.dropNotify) {
        // No notification: the backend queried the platform once 500 ms late.
        expect(report.confirmationMs).toBeGreaterThanOrEqual(400);
      }
    },
  );

  it('shows the result of a cancel with a way to pay again, and of a payment with none', async () => {
    const cancelled = await purchase(session, { productId: 'sticker', answer: 'Cancel' });
    expect(cancelled.page.has('#pay')).toBe(true);
    const paid = await purchase(session, { productId: 'sticker', answer: 'Pay' });
    expect(paid.page.has('#pay')).toBe(false);
    expect(paid.page.has('#back')).toBe(true);
  });

  it('lists the orders with the titles of their result screens on the orders page', async () => {
    const paid = await purchase(session, { productId: 'mug', answer: 'Pay' });
    const failed = await purchase(session, { productId: 'mug', answer: 'Fail' });
    const unsupported = await purchase(session, { productId: 'plugin-guide', answer: 'none' });
    const shop = await openShop(session);
    await shop.tap('#orders-link');
    const orders = session.app.current;
    expect(orders.route).toBe('pages/orders/index');
    const status = (orderId: string) => orders.text(`#order-${orderId} .status-text`);
    expect(status(paid.orderId)).toBe(paid.title);
    expect(status(failed.orderId)).toBe('Payment failed');
    expect(status(unsupported.orderId)).toBe('Not supported');
    expect(orders.text(`#order-${failed.orderId}`)).toContain('For the developer: ');
    expect(orders.has(`#check-${paid.orderId}`)).toBe(false);
  });

  it('treats closing the action sheet without a choice as a cancel', async () => {
    const report = await purchase(session, { productId: 'mug', answer: 'dismiss' });
    expect(report.title).toBe('Cancelled');
  });
});

describe('The demo mini program, tests: a double tap on Pay', () => {
  it('makes one order and opens one cashier', async () => {
    const report = await purchase(session, { productId: 'coffee-beans', doubleTap: true });
    expect(report.ordersCreated).toBe(1);
    expect(report.sheetsShown).toBe(1);
    expect(report.title).toBe('Paid');
  });
});

describe('The demo mini program, tests: every parameter profile pays', () => {
  it.each([
    ['wechat-v3', 'coffee-beans', 'timeStamp, nonceStr, package, signType=RSA, paySign'],
    ['wechat-v2-md5', 'coffee-beans', 'timeStamp, nonceStr, package, signType=MD5, paySign'],
    [
      'wechat-v2-hmac',
      'coffee-beans',
      'timeStamp, nonceStr, package, signType=HMAC-SHA256, paySign',
    ],
    ['psp', 'coffee-beans', 'timeStamp, nonceStr, pkg, signType=RSA, paySign'],
    ['wechat-v3', 'coins-60', 'mode=short_series_coin, signData, paySig, signature'],
    ['tcmpp', 'coins-300', 'mode=short_series_coin, signData, paySign, signature'],
    ['tcmpp', 'sword-skin', 'mode=short_series_goods, signData, paySign, signature'],
    ['wechat-v3', 'shop-tote', 'timeStamp, nonceStr, package, signType=RSA, paySign, orderInfo'],
    [
      'wechat-v2-md5',
      'shop-tote',
      'timeStamp, nonceStr, package, signType=MD5, paySign, orderInfo',
    ],
    ['wechat-v3', 'b2b-beans-case', 'mode=retail_pay_goods, signData, paySig, signature'],
  ])('%s: %s', async (profile, productId, shape) => {
    const report = await purchase(session, { productId, profile });
    expect(report.paramsShape).toBe(shape);
    expect(report.title).toBe('Paid');
  });
});

describe('The demo mini program, tests: the rest of the family', () => {
  it('a cash-out: the receipt page\'s "Confirm receipt" -> Received; the bill is SUCCESS', async () => {
    const report = await cashOut(session);
    expect(report.sheet).toEqual(['Confirm receipt', 'Not now']);
    // The page shows what the backend sent for wx.requestMerchantTransfer: the bill's package.
    expect(report.paramsShape).toBe('mchId, package, appId, openId');
    expect(report.title).toBe('Received');
    expect(report.text).toBe('The transfer arrived. You can see it in your WeChat balance.');
    expect(report.page.has('#cash-out')).toBe(false);
    const status = await fetch(`${backend.url}/api/orders/${report.orderId}`);
    expect(await status.json()).toMatchObject({ state: 'paid', tradeState: 'SUCCESS' });
    // The orders page words it as a transfer too.
    const shop = await openShop(session);
    await shop.tap('#orders-link');
    expect(session.app.current.text(`#order-${report.orderId} .status-text`)).toBe('Received');
  });

  it('"Not now" leaves the bill waiting for the user, and the page offers the cash-out again', async () => {
    const report = await cashOut(session, { answer: 'Not now' });
    expect(report.title).toBe('Not received');
    expect(report.page.has('#cash-out')).toBe(true);
    const status = await fetch(`${backend.url}/api/orders/${report.orderId}`);
    expect(await status.json()).toMatchObject({
      state: 'pending',
      tradeState: 'WAIT_USER_CONFIRM',
    });
    const shop = await openShop(session);
    await shop.tap('#orders-link');
    expect(session.app.current.text(`#order-${report.orderId} .status-text`)).toBe('Not received');
  });

  it('the plugin product cannot be paid from a mini program page: Not supported, no sheet', async () => {
    const report = await purchase(session, { productId: 'plugin-guide', answer: 'none' });
    expect(report.title).toBe('Not supported');
    expect(report.sheetsShown).toBe(0);
    expect(report.paramsShape).toBe('version, fee, paymentArgs, currencyType');
  });

  it('a B2b payment the user cancels, then pays', async () => {
    const cancelled = await purchase(session, { productId: 'b2b-beans-case', answer: 'Cancel' });
    expect(cancelled.title).toBe('Cancelled');
    await cancelled.page.tap('#pay');
    session.bridge.answerSheets('Pay');
    await waitFor(
      () => cancelled.page.text('#result-title') === 'Paid',
      () => cancelled.page.text(),
    );
  });
});

describe('The demo mini program, tests: the useRealHost switch', () => {
  it('hands the real wx cashier the signed parameters; its "ok" alone never shows paid', async () => {
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    const opened: Array<Record<string, unknown>> = [];
    const spy = jest
      .spyOn(wx as { requestPayment(options: unknown): void }, 'requestPayment')
      .mockImplementation((options) => {
        const { success, complete, ...params } = options as Record<string, unknown> & {
          success(result: unknown): void;
          complete(result: unknown): void;
        };
        opened.push(params);
        // What a real host says after its sheet; this backend was never paid.
        setTimeout(() => {
          success({ errMsg: 'requestPayment:ok' });
          complete({ errMsg: 'requestPayment:ok' });
        }, 0);
      });
    try {
      session.config.useRealHost = true;
      session.config.checkout = {
        ...TEST_CHECKOUT,
        confirm: { ...TEST_CHECKOUT.confirm, deadlineMs: 300 },
      };
      await session.app.launch();
      const report = await purchase(session, { productId: 'sticker' });
      expect(report.sheetsShown).toBe(0);
      expect(opened).toEqual([
        expect.objectContaining({ package: expect.stringMatching(/^prepay_id=/), signType: 'RSA' }),
      ]);
      expect(report.title).toBe('Processing');
    } finally {
      spy.mockRestore();
      session.bridge.storage.clear(); // forget the pending order this test left
      session.config.useRealHost = false;
      session.config.checkout = TEST_CHECKOUT;
      await session.app.launch();
    }
  });
});

describe('The demo mini program, tests: pending, then resumed', () => {
  it('shows "check again" while the backend is slow, and confirms on the tap', async () => {
    const live = session.config.sim as { notifyDelayMs?: number };
    const notifyDelayMs = live.notifyDelayMs;
    const deadline = session.config.checkout.confirm;
    try {
      // The notification is late (600 ms), and the confirmation gives up before it arrives and
      // before the backend's own query of the platform (500 ms into a held request): pending.
      live.notifyDelayMs = 600;
      session.config.checkout = { ...TEST_CHECKOUT, confirm: { ...deadline, deadlineMs: 300 } };
      await session.app.launch();
      const report = await purchase(session, { productId: 'mug' });
      expect(report.title).toBe('Processing');
      expect(report.page.has('#check-again')).toBe(true);
      // Later, the notification has come: the user checks again.
      await new Promise((resolve) => setTimeout(resolve, 400));
      await report.page.tap('#check-again');
      await waitFor(
        () => report.page.text('#result-title') === 'Paid',
        () => report.page.text(),
      );
    } finally {
      live.notifyDelayMs = notifyDelayMs;
      session.config.checkout = TEST_CHECKOUT;
      await session.app.launch();
    }
  });

  it('shows pending when the backend stops during confirmation, and resumes it at the next launch', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-backend-'));
    let durable = await startBackend({ ...KEYS, dataDir, activeQueryAfterMs: -1 });
    const live = session.config.sim;
    session.bridge.storage.clear(); // a fresh install: no pending order from an earlier test
    try {
      session.config.baseUrl = durable.url;
      session.config.checkout = {
        ...TEST_CHECKOUT,
        confirm: { ...TEST_CHECKOUT.confirm, deadlineMs: 1000 },
      };
      live.dropNotify = true;
      await session.app.launch();
      const report = await purchase(session, {
        productId: 'coffee-beans',
        // Once the backend has answered a status query (pending), it stops.
        whileConfirming: async (page) => {
          const statusPath = `/api/orders/${page.data.orderId}`;
          await waitFor(
            () =>
              session.bridge.requests.some((r) => r.path === statusPath && r.statusCode === 200),
            () => page.text(),
          );
          await durable.close();
        },
      });
      expect(report.title).toBe('Processing');
      expect(report.detail).toMatch(/did not confirm the order/);
      expect(report.page.has('#check-again')).toBe(true);

      // The backend comes back (same port, same data) and the app is launched again.
      durable = await startBackend({ ...KEYS, port: durable.port, dataDir, activeQueryAfterMs: 0 });
      const app = await session.app.launch();
      expect(app.globalData.resumed).toEqual([
        expect.objectContaining({ status: 'paid', orderId: report.orderId }),
      ]);
      session.app.open('/pages/orders/index');
      const orders = session.app.current;
      expect(orders.text('#resumed')).toBe('At launch, 1 pending order was checked again: 1 paid.');
      expect(orders.text(`#order-${report.orderId}`)).toContain('Paid');
    } finally {
      delete live.dropNotify;
      await durable.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      session.config.baseUrl = backend.url;
      session.config.checkout = TEST_CHECKOUT;
      await session.app.launch();
    }
  });
});
