// The simulator's dashboard at GET /, in a real browser (Debian's Chromium): orders made and
// paid through the HTTP APIs appear and change without a reload, with the cashier's last
// answer beside their state, in Beijing time whatever the browser's zone; the test clock moves
// by its buttons; a refused signature shows as a refusal, in the requests and in the sequence.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { beijing, seeState, transactionRow, wasNotReloaded } from './helpers/dashboard-page';
import { type DashboardScene, newOrder, startDashboardScene } from './helpers/dashboard-scene';
import { cashier } from './helpers/flow';
import { rawRequest } from './helpers/raw';

/** Where the test run leaves its screenshot (git-ignored). */
const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', '.tmp', 'simulator-dashboard');

jest.setTimeout(60_000);

let scene: DashboardScene;
beforeAll(async () => {
  scene = await startDashboardScene('1900000601');
});
afterAll(() => scene?.close());

it('shows an order created and paid through the HTTP APIs turn SUCCESS, without a reload', async () => {
  const { page, simulator, merchant } = scene;
  const { outTradeNo, params } = await newOrder(scene);
  const row = transactionRow(page, outTradeNo);
  await seeState(row, /^NOTPAY$/);
  expect(await row.getByRole('cell', { name: '1.00 CNY', exact: true }).count()).toBe(1);
  expect(await cashier(simulator, params)).toEqual({ errMsg: 'requestPayment:ok' });
  await seeState(row, /^SUCCESS cashier: paid$/);
  await row
    .getByRole('cell', {
      name: /^TRANSACTION\.SUCCESS delivered after 1 attempt \(last: 204 in \d+ ms\)$/,
    })
    .waitFor();
  // Beijing time, though the browser's own zone is New York's.
  const order = simulator.app.sim.orders.find(merchant.mchid, undefined, outTradeNo);
  const created = beijing(order?.createdAt ?? 0).slice(5);
  expect(await row.getByRole('cell', { name: created, exact: true }).count()).toBe(1);
  await page
    .getByRole('table', { name: 'API requests' })
    .getByRole('row', {
      name: /POST \/v3\/pay\/transactions\/jsapi 1900000601 Signature verified 200/,
    })
    .first()
    .waitFor();
  await page
    .getByRole('table', { name: 'Notifications' })
    .getByRole('row', { name: new RegExp(`TRANSACTION\\.SUCCESS ${outTradeNo}`) })
    .getByRole('listitem')
    .filter({ hasText: /204 in \d+ ms/ })
    .waitFor();
  expect(await wasNotReloaded(page)).toBe(true);
});

it("says the cashier's last answer beside the state: cancelled, failed", async () => {
  const cancelled = await newOrder(scene);
  const failed = await newOrder(scene);
  await cashier(scene.simulator, cancelled.params, 'cancel');
  await cashier(scene.simulator, failed.params, 'fail');
  await seeState(transactionRow(scene.page, cancelled.outTradeNo), /^NOTPAY cashier: cancelled$/);
  await seeState(transactionRow(scene.page, failed.outTradeNo), /^PAYERROR cashier: failed$/);
});

it('shows the test clock in Beijing time and advances it by its buttons', async () => {
  const { page } = scene;
  expect(await page.getByText('All times are Beijing time (UTC+08:00)').count()).toBe(1);
  const clock = page.getByRole('region', { name: 'Test clock' });
  const now = clock.getByRole('time');
  const before = Date.parse((await now.getAttribute('datetime')) ?? '');
  expect(await now.textContent()).toBe(beijing(before));
  await page.getByRole('button', { name: 'Advance 1 day' }).click();
  await clock.getByText(/^1 day ahead of the wall clock/).waitFor();
  const after = Date.parse((await now.getAttribute('datetime')) ?? '');
  expect(after - before).toBeGreaterThanOrEqual(24 * 60 * 60 * 1000);
  await page.getByRole('button', { name: 'Advance 1 h' }).click();
  await clock.getByText(/^1 day 1 h ahead of the wall clock/).waitFor();
  await page.getByRole('button', { name: 'Advance 1 min' }).click();
  await clock.getByText(/^1 day 1 h ahead of the wall clock/).waitFor();
  expect(scene.simulator.app.sim.clock.offsetMs()).toBe((25 * 60 + 1) * 60 * 1000);
});

it('shows a refused signature as a refusal, in the requests and in the sequence', async () => {
  const { page, simulator, merchant } = scene;
  const { outTradeNo, params } = await newOrder(scene);
  await cashier(simulator, params);
  const row = transactionRow(page, outTradeNo);
  await row.getByRole('cell', { name: /^TRANSACTION\.SUCCESS delivered/ }).waitFor();
  const query = `/v3/pay/transactions/out-trade-no/${outTradeNo}?mchid=${merchant.mchid}`;
  const forged = await rawRequest(simulator, {
    mchid: merchant.mchid,
    method: 'GET',
    path: query,
    keyIndex: 1,
  });
  expect(forged.status).toBe(401);
  const refused = page
    .getByRole('table', { name: 'API requests' })
    .getByRole('row', { name: new RegExp(`GET ${query.replace('?', '\\?')}`) });
  await refused
    .getByRole('cell', {
      name: /^Refused: The signature does not verify with merchant 1900000601's public key/,
    })
    .waitFor();
  await refused.getByRole('cell', { name: '401 SIGN_ERROR', exact: true }).waitFor();

  await row.getByRole('button', { name: 'Sequence' }).click();
  const view = page.getByRole('region', { name: `Sequence of ${outTradeNo}` });
  const messages = await view
    .getByRole('list', { name: 'Messages' })
    .getByRole('listitem')
    .allTextContents();
  expect(messages.map((line) => line.replace(/^\S+ /, ''))).toEqual([
    'Merchant server → WeChat Pay (simulator): POST pay/transactions/jsapi',
    'WeChat Pay (simulator) → Merchant server: 200',
    'Mini program (cashier) → WeChat Pay (simulator): requestPayment: pay',
    'WeChat Pay (simulator) → Mini program (cashier): requestPayment:ok',
    'WeChat Pay (simulator) → Merchant server: TRANSACTION.SUCCESS #1',
    expect.stringMatching(/^Merchant server → WeChat Pay \(simulator\): 204 in \d+ ms$/),
    `Merchant server → WeChat Pay (simulator): GET pay/transactions/out-trade-no/${outTradeNo}`,
    'WeChat Pay (simulator) → Merchant server: 401 SIGN_ERROR',
  ]);
  await view.locator('text.arrow-label.refused', { hasText: '401 SIGN_ERROR' }).waitFor();
  // The drawing uses the width of the page.
  const [figure, section] = await Promise.all([
    view.getByRole('img').boundingBox(),
    view.boundingBox(),
  ]);
  expect(figure?.width ?? 0).toBeGreaterThan((section?.width ?? 0) * 0.9);
});

it("shows another part's collection (transfer bills) as it is, without its secrets", async () => {
  const { page, simulator } = scene;
  const { store, journal, clock } = simulator.app.sim;
  store.state.collection('transfers').set('1330000071100999991182020050700019480001', {
    outBillNo: 'plfk2020042013',
    state: 'WAIT_USER_CONFIRM',
    transferAmount: 400_000,
    createdAt: clock.now(),
    packageSecretKey: 'never shown',
  });
  journal.changed('transfer', '1330000071100999991182020050700019480001');
  const transfers = page.getByRole('table', { name: 'Transfers' });
  const row = transfers.getByRole('row', { name: /^1330000071100999991182020050700019480001 / });
  await row.getByRole('cell', { name: 'WAIT_USER_CONFIRM', exact: true }).waitFor();
  await row.getByRole('cell', { name: '4000.00 CNY', exact: true }).waitFor();
  expect(await row.textContent()).toContain('outBillNo=plfk2020042013');
  expect(await row.textContent()).not.toContain('never shown');
  // A time among the fields reads in the page's one time zone, not as milliseconds.
  expect(await row.textContent()).toMatch(/createdAt=\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  expect(await row.textContent()).not.toContain(`createdAt=${clock.now()}`.slice(0, 18));
});

it("titles a collection by its name's words, digits included", async () => {
  const { page, simulator } = scene;
  const { store, journal } = simulator.app.sim;
  store.state.collection('v2Orders').set('1900000109|1900000110|T1', { signType: 'MD5' });
  journal.changed('v2Orders', '1900000109|1900000110|T1');
  await page.getByRole('heading', { name: 'V2 Orders', exact: true }).waitFor();
});

it('reaches nothing but the simulator, throws nothing, and leaves a screenshot', async () => {
  const { page, simulator, requests, errors } = scene;
  const elsewhere = requests.filter(
    (url) => !url.startsWith(`${simulator.url}/`) && !url.startsWith('data:'),
  );
  expect(elsewhere).toEqual([]);
  expect(errors).toEqual([]);
  await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, 'dashboard.png');
  await page.screenshot({ path: file, fullPage: true });
  expect((await fs.stat(file)).size).toBeGreaterThan(10_000);
});
