import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { type MockBackend, startMockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import { launchBrowser } from '../../scripts/lib/chromium';
import {
  call,
  cashier,
  createOrder,
  payOrder,
  startTestBackend,
} from '../mock-backend/helpers/backend';
import { forgePayNotification, paidTransaction } from '../mock-backend/helpers/notifications';
import { testKeys } from '../mock-backend/helpers/test-keys';

/** Where the test run leaves its screenshot (git-ignored). */
const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', '.tmp', 'dashboard');

jest.setTimeout(60_000);

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Opens the dashboard; every request the page makes is kept in `requests`. */
async function openDashboard(backend: MockBackend) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(10_000);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${backend.url}/`);
  await page.getByRole('status').getByText('Live').waitFor();
  // Set once; a reload would lose it.
  await page.evaluate(() => Object.assign(window, { loadedOnce: true }));
  return { page, requests };
}

function orderRow(page: Page, orderId: string): Locator {
  return page.getByRole('rowgroup', { name: `Order ${orderId}` });
}

async function openTimeline(row: Locator): Promise<Locator> {
  const toggle = row.getByRole('button', { name: 'Timeline' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return row.getByRole('list', { name: 'Timeline' });
}

async function seeState(row: Locator, state: string): Promise<void> {
  await row.getByRole('cell', { name: state, exact: true }).waitFor();
}

async function wasNotReloaded(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce === true);
}

describe('Dashboard: the mock backend at GET /, in a real browser', () => {
  let backend: MockBackend;
  let page: Page;
  let requests: string[];
  let openid: string;

  beforeAll(async () => {
    backend = await startTestBackend({ activeQueryAfterMs: -1, defaultNotifyDelayMs: 50 });
    openid = (await call(backend, 'POST', '/api/login', { code: 'dashboard' })).body.openid;
    ({ page, requests } = await openDashboard(backend));
  });

  afterAll(async () => {
    await page?.close();
    await backend?.close();
  });

  it('shows an order created and paid through the HTTP routes turn paid, without a reload', async () => {
    const order = await createOrder(backend, { productId: 'mug', openid });
    const row = orderRow(page, order.orderId);
    await seeState(row, 'pending');
    expect(await row.getByRole('cell', { name: 'wechat-v3', exact: true }).count()).toBe(1);
    expect(await row.getByRole('cell', { name: '39.00 CNY', exact: true }).count()).toBe(1);
    await cashier(backend, { api: 'requestPayment', params: order.params, action: 'pay' });
    await seeState(row, 'paid');
    const timeline = await openTimeline(row);
    await timeline.getByText('The merchant applied the notification: the order is paid.').waitFor();
    const lines = await timeline.getByRole('listitem').allTextContents();
    expect(lines.join('\n')).toMatch(
      /Order created: mug, 39\.00 CNY, profile wechat-v3\.[\s\S]*Cashier: pay \(requestPayment\); notification in 50 ms\.[\s\S]*The cashier answered requestPayment:ok\./,
    );
    expect(lines.every((line) => /^\d\d:\d\d:\d\d\.\d{3}/.test(line))).toBe(true);
    await timeline
      .getByText(/Payment notification #\d+, attempt 1: the merchant answered 204; delivered\./)
      .waitFor();
    expect(await wasNotReloaded(page)).toBe(true);
  });

  it('lists newest first, and shows a status query with its waitMs, hold and answer', async () => {
    const older = await createOrder(backend, { productId: 'mug', openid });
    const newer = await createOrder(backend, { productId: 'coins-60', openid, profile: 'tcmpp' });
    await orderRow(page, newer.orderId).waitFor();
    const names = await page
      .getByRole('rowgroup', { name: /^Order / })
      .evaluateAll((groups) => groups.map((group) => group.getAttribute('aria-label')));
    expect(names.indexOf(`Order ${newer.orderId}`)).toBeLessThan(
      names.indexOf(`Order ${older.orderId}`),
    );
    await call(backend, 'GET', `/api/orders/${older.orderId}?waitMs=150`);
    const timeline = await openTimeline(orderRow(page, older.orderId));
    await timeline
      .getByText(/Status query \(waitMs 150\) held \d+ ms, answered pending\./)
      .waitFor();
  });

  it('Deliver notification sends the notification held back by dropNotify', async () => {
    const order = await payOrder(backend, { productId: 'mug', openid }, { dropNotify: true });
    const row = orderRow(page, order.orderId);
    const timeline = await openTimeline(row);
    await timeline.getByText(/Payment notification #\d+ held back \(dropNotify\)/).waitFor();
    await seeState(row, 'pending');
    expect(await row.getByRole('button', { name: 'Drop notification' }).count()).toBe(0);
    await row.getByRole('button', { name: 'Deliver notification' }).click();
    await timeline.getByText(/Payment notification #\d+ sent now from the dashboard\./).waitFor();
    await seeState(row, 'paid');
    await timeline.getByText(/attempt 1: the merchant answered 204; delivered\./).waitFor();
    await row.getByRole('button', { name: 'Deliver notification' }).waitFor({ state: 'detached' });
  });

  it('Drop notification cancels a scheduled one, so it never arrives', async () => {
    const order = await payOrder(backend, { productId: 'mug', openid }, { notifyDelayMs: 600_000 });
    const row = orderRow(page, order.orderId);
    const timeline = await openTimeline(row);
    await timeline.getByText(/scheduled, due in 600000 ms\./).waitFor();
    await row.getByRole('button', { name: 'Drop notification' }).click();
    await timeline.getByText(/dropped from the dashboard: it will not arrive\./).waitFor();
    await row.getByRole('button', { name: 'Drop notification' }).waitFor({ state: 'detached' });
    const deliveries = (await call(backend, 'GET', `/sim/deliveries?orderId=${order.orderId}`))
      .body;
    expect(deliveries.deliveries).toEqual([
      expect.objectContaining({ state: 'dropped', attempts: [] }),
    ]);
    await seeState(row, 'pending');
  });

  it('Replay notification sends a duplicate of the last delivered one; nothing changes', async () => {
    const order = await payOrder(backend, { productId: 'mug', openid });
    const row = orderRow(page, order.orderId);
    await seeState(row, 'paid');
    const timeline = await openTimeline(row);
    await row.getByRole('button', { name: 'Replay notification' }).click();
    await timeline.getByText(/a replay of #\d+ \(a duplicate\)/).waitFor();
    await timeline
      .getByText(
        'The merchant recognised a duplicate notification and acknowledged it; nothing changed.',
      )
      .waitFor();
    await seeState(row, 'paid');
  });

  it('Refund refunds a paid order on the platform; the refund notification makes it refunded', async () => {
    const order = await payOrder(backend, { productId: 'mug', openid });
    const row = orderRow(page, order.orderId);
    await seeState(row, 'paid');
    await row.getByRole('button', { name: 'Refund' }).click();
    const timeline = await openTimeline(row);
    await timeline.getByText('Refunded in full on the platform: 39.00 CNY.').waitFor();
    await seeState(row, 'refunded');
    await timeline
      .getByText(/Refund notification #\d+, attempt 1: the merchant answered 204; delivered\./)
      .waitFor();
    await row.getByRole('button', { name: 'Refund' }).waitFor({ state: 'detached' });
  });

  it('Close closes a pending order; only the buttons that apply are shown', async () => {
    const order = await createOrder(backend, { productId: 'mug', openid });
    const row = orderRow(page, order.orderId);
    await seeState(row, 'pending');
    const buttons = async () =>
      (await row.getByRole('button').allTextContents()).filter(
        (name) => !['Timeline', 'Sequence'].includes(name),
      );
    expect(await buttons()).toEqual(['Close']);
    await row.getByRole('button', { name: 'Close' }).click();
    await seeState(row, 'closed');
    const timeline = await openTimeline(row);
    await timeline.getByText('Closed by the merchant: the order is closed.').waitFor();
    expect(await buttons()).toEqual([]);
  });

  it('filters by state and by kind', async () => {
    const coins = await payOrder(backend, { productId: 'coins-60', openid });
    const pending = await createOrder(backend, { productId: 'mug', openid });
    await seeState(orderRow(page, coins.orderId), 'paid');
    const kind = page.getByRole('combobox', { name: 'Kind' });
    const state = page.getByRole('combobox', { name: 'State' });
    await kind.selectOption('virtual');
    await orderRow(page, pending.orderId).waitFor({ state: 'hidden' });
    const shown = page.getByRole('rowgroup', { name: /^Order / });
    const shownKinds = await Promise.all(
      (await shown.all()).map((group) => group.getByRole('cell').first().textContent()),
    );
    expect(shownKinds.length).toBeGreaterThan(0);
    expect(new Set(shownKinds)).toEqual(new Set(['virtual']));
    await kind.selectOption('');
    await state.selectOption('pending');
    await orderRow(page, pending.orderId).waitFor();
    await orderRow(page, coins.orderId).waitFor({ state: 'hidden' });
    await state.selectOption('');
    await orderRow(page, coins.orderId).waitFor();
  });

  it('shows one order as a sequence: three lanes and the messages between them in time order', async () => {
    const order = await payOrder(backend, { productId: 'mug', openid });
    const row = orderRow(page, order.orderId);
    await seeState(row, 'paid');
    await call(backend, 'GET', `/api/orders/${order.orderId}?waitMs=0`);
    await (await openTimeline(row)).getByText(/Status query/).waitFor();
    await row.getByRole('button', { name: 'Sequence' }).click();
    const view = page.getByRole('region', { name: `Sequence of ${order.orderId}` });
    await view.getByRole('img', { name: new RegExp(`^Sequence of ${order.orderId}`) }).waitFor();
    for (const lane of ['Mini program', 'Merchant server', 'Platform']) {
      await view.getByText(lane, { exact: true }).waitFor();
    }
    const messages = (
      await view.getByRole('list', { name: 'Messages' }).getByRole('listitem').allTextContents()
    ).map((line) => line.replace(/^\S+ /, ''));
    expect(messages).toEqual([
      'Mini program → Merchant server: createOrder',
      'Merchant server → Platform: JSAPI order (prepay_id)',
      'Merchant server → Mini program: 201: signed params',
      'Mini program → Platform: requestPayment: pay',
      expect.stringMatching(/^Platform \(note\): #\d+ due$/),
      'Platform → Mini program: requestPayment:ok',
      expect.stringMatching(/^Platform → Merchant server: Payment notification #\d+$/),
      'Merchant server (note): applied: paid',
      'Merchant server → Platform: 204',
      'Mini program → Merchant server: status? waitMs=0',
      expect.stringMatching(/^Merchant server → Mini program: paid \(held \d+ ms\)$/),
    ]);
    await page.getByRole('button', { name: 'Hide sequence' }).click();
    await view.waitFor({ state: 'hidden' });
  });

  it('shows a refused signature as a refusal: a tampered paySign at the cashier, a forged notification', async () => {
    const order = await createOrder(backend, { productId: 'mug', openid });
    const paySign = order.params.paySign as string;
    const tampered = `${paySign.slice(0, 10)}${paySign[10] === 'A' ? 'B' : 'A'}${paySign.slice(11)}`;
    const answer = await cashier(backend, {
      api: 'requestPayment',
      params: { ...order.params, paySign: tampered },
      action: 'pay',
    });
    expect(answer.errMsg).toBe('requestPayment:fail 支付验证签名失败');
    const row = orderRow(page, order.orderId);
    const timeline = await openTimeline(row);
    const refusal = timeline
      .getByRole('listitem')
      .filter({ hasText: 'Refused: the signature (paySign) does not verify' });
    await refusal.waitFor();
    await seeState(row, 'pending');

    const forged = forgePayNotification(
      backend.keys,
      paidTransaction({
        appId: backend.appId,
        mchId: backend.mchId,
        orderId: order.orderId,
        total: 3900,
        openid,
      }),
      { signingKeyPem: backend.keys.merchantPrivateKeyPem },
    );
    expect((await call(backend, 'POST', '/pay/notify', forged.body, forged.headers)).status).toBe(
      401,
    );
    const loose = page.getByRole('list', { name: 'Not about a known order' });
    await loose
      .getByText(
        /^Refused: \/pay\/notify answered 401: Wechatpay-Signature does not verify with the key of serial/,
      )
      .waitFor();
    await seeState(row, 'pending');
  });

  it('reaches nothing but the backend itself, and leaves a screenshot', async () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(
      requests.filter((url) => !url.startsWith(`${backend.url}/`) && !url.startsWith('data:')),
    ).toEqual([]);
    await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, 'dashboard.png');
    await page.screenshot({ path: file, fullPage: true });
    expect((await fs.stat(file)).size).toBeGreaterThan(10_000);
  });
});

describe('Dashboard: a reconnect after a backend restart resumes without a reload', () => {
  let dataDir: string;
  let backend: MockBackend;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dashboard-restart-'));
  });

  afterAll(async () => {
    await backend?.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('re-syncs the list from the restarted backend and goes on showing live events', async () => {
    const keys = await testKeys();
    const options = { dataDir, keys, defaultNotifyDelayMs: 20, notifyRetryFactor: 1000 };
    backend = await startMockBackend(options);
    const { port } = backend;
    const { page } = await openDashboard(backend);
    try {
      const before = await payOrder(backend, { productId: 'mug' });
      await seeState(orderRow(page, before.orderId), 'paid');

      await backend.close();
      await page
        .getByRole('status')
        .getByText(/Reconnecting/)
        .waitFor();
      backend = await startMockBackend({ ...options, port });
      await page
        .getByRole('status')
        .getByText(/the backend restarted/)
        .waitFor();

      const row = orderRow(page, before.orderId);
      await seeState(row, 'paid');
      await openTimeline(row);
      await row.getByText(/earlier history is not in the journal/).waitFor();
      const after = await payOrder(backend, { productId: 'mug' });
      await seeState(orderRow(page, after.orderId), 'paid');
      expect(await wasNotReloaded(page)).toBe(true);
    } finally {
      await page.close();
    }
  });
});
