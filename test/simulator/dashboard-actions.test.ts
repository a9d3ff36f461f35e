// The dashboard's buttons act on the simulator's own records, in Chromium: Drop and Deliver a
// notification, Replay a delivered one, Refund a paid order (ending as REFUND.SUCCESS at the
// merchant's URL), Close an unpaid one; a row shows only the buttons that apply.
import { actionButtons, seeState, transactionRow } from './helpers/dashboard-page';
import {
  type DashboardScene,
  newOrder,
  notificationsAbout,
  startDashboardScene,
} from './helpers/dashboard-scene';
import { cashier } from './helpers/flow';

jest.setTimeout(60_000);

let scene: DashboardScene;
beforeAll(async () => {
  scene = await startDashboardScene('1900000602');
});
afterAll(() => scene?.close());

it('Drop notification holds back a scheduled notification; Deliver notification sends it', async () => {
  const { outTradeNo, params } = await newOrder(scene);
  await cashier(scene.simulator, params, 'pay', { notifyDelayMs: 600_000 });
  const row = transactionRow(scene.page, outTradeNo);
  await row.getByRole('cell', { name: /^TRANSACTION\.SUCCESS next attempt / }).waitFor();
  expect(await actionButtons(row)).toEqual(['Deliver notification', 'Drop notification', 'Refund']);
  await row.getByRole('button', { name: 'Drop notification' }).click();
  await row
    .getByRole('cell', { name: 'TRANSACTION.SUCCESS held back (dropped)', exact: true })
    .waitFor();
  await row.getByRole('button', { name: 'Drop notification' }).waitFor({ state: 'detached' });
  expect(notificationsAbout(scene, outTradeNo)).toEqual([]);
  await row.getByRole('button', { name: 'Deliver notification' }).click();
  await row
    .getByRole('cell', { name: /^TRANSACTION\.SUCCESS delivered after 1 attempt/ })
    .waitFor();
  expect(notificationsAbout(scene, outTradeNo)).toHaveLength(1);
});

it('Replay notification sends the delivered notification again: the same one', async () => {
  const { outTradeNo, params } = await newOrder(scene);
  await cashier(scene.simulator, params);
  const row = transactionRow(scene.page, outTradeNo);
  await row.getByRole('button', { name: 'Replay notification' }).click();
  await scene.page
    .getByRole('table', { name: 'Notifications' })
    .getByRole('row', { name: new RegExp(`TRANSACTION\\.SUCCESS ${outTradeNo}.*delivered`) })
    .nth(1)
    .waitFor();
  const [first, again] = notificationsAbout(scene, outTradeNo);
  expect(again?.id).toBe(first?.id);
});

it("Refund refunds a paid order; it settles on the clock and REFUND.SUCCESS reaches the merchant's URL", async () => {
  const { page } = scene;
  const { outTradeNo, params } = await newOrder(scene);
  await cashier(scene.simulator, params);
  const row = transactionRow(page, outTradeNo);
  await row.getByRole('button', { name: 'Refund' }).click();
  await seeState(row, /^REFUND cashier: paid$/);
  await row.getByRole('button', { name: 'Refund' }).waitFor({ state: 'detached' });
  const refund = page
    .getByRole('table', { name: 'Refunds' })
    .getByRole('row', { name: new RegExp(outTradeNo) });
  await refund.getByRole('cell', { name: 'PROCESSING', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Advance 1 min' }).click();
  await refund.getByRole('cell', { name: 'SUCCESS', exact: true }).waitFor();
  await refund.getByRole('cell', { name: /^REFUND\.SUCCESS delivered after 1 attempt/ }).waitFor();
  expect(notificationsAbout(scene, outTradeNo)).toEqual([
    expect.objectContaining({ eventType: 'TRANSACTION.SUCCESS' }),
    expect.objectContaining({
      eventType: 'REFUND.SUCCESS',
      resource: expect.objectContaining({
        refund_status: 'SUCCESS',
        out_refund_no: `${outTradeNo}-R1`,
        amount: expect.objectContaining({ refund: 100, total: 100 }),
      }),
    }),
  ]);
});

it('Close closes an unpaid order; only the buttons that apply are shown', async () => {
  const { outTradeNo } = await newOrder(scene);
  const row = transactionRow(scene.page, outTradeNo);
  await seeState(row, /^NOTPAY$/);
  expect(await actionButtons(row)).toEqual(['Close']);
  await row.getByRole('button', { name: 'Close' }).click();
  await seeState(row, /^CLOSED$/);
  expect(await actionButtons(row)).toEqual([]);
});

it('refuses a button that does not apply, WeChat-shaped, saying why', async () => {
  const { outTradeNo } = await newOrder(scene);
  const key = encodeURIComponent(`${scene.merchant.mchid}||${outTradeNo}`);
  const answer = await fetch(`${scene.simulator.url}/dashboard/transactions/${key}/refund`, {
    method: 'POST',
  });
  expect(answer.status).toBe(400);
  expect(await answer.json()).toEqual({
    code: 'INVALID_REQUEST',
    message: `Order ${outTradeNo} is not paid (trade_state NOTPAY); only a paid order can be refunded.`,
  });
});
