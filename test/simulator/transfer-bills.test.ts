// Merchant transfer bills (商家转账, 2025) through wechatpay-axios-plugin's v3 client pointed
// at the simulator: create, the user's confirmation page (wx.requestMerchantTransfer at the
// cashier), MCHTRANSFER.BILL.FINISHED verified and decrypted by the kit's verifyNotification,
// query, cancel, and the 24 hours a bill waits, played on the test clock.
import { verifyNotification } from 'miniprogram-pay/server';
import type { Simulator } from '../../simulator/src/server';
import { advance } from './helpers/flow';
import { rawRequest } from './helpers/raw';
import { type Receiver, startReceiver } from './helpers/receiver';
import {
  API_V3_KEY,
  APPID,
  registerMerchant,
  startTestSimulator,
  type TestMerchant,
  v3,
} from './helpers/simulator';
import {
  BILLS,
  confirmPage as confirmAt,
  createBill,
  TRANSFER_MCHID as MCHID,
  newOutBillNo,
  PAYEE_OPENID as OPENID,
  queryBill,
  sdkRefusal as refusal,
  transferBillOf,
} from './helpers/transfer-bills';

let simulator: Simulator;
let receiver: Receiver;
let merchant: TestMerchant;
beforeAll(async () => {
  simulator = await startTestSimulator();
  receiver = await startReceiver();
  merchant = await registerMerchant(simulator, { mchid: MCHID });
});
afterAll(async () => {
  await simulator.close();
  await receiver.close();
});
beforeEach(() => {
  receiver.received.length = 0;
});

const billOf = (outBillNo: string, extra: Record<string, unknown> = {}) =>
  transferBillOf(outBillNo, receiver.url, extra);
const create = (outBillNo: string, extra: Record<string, unknown> = {}) =>
  createBill(merchant, billOf(outBillNo, extra));
const query = (outBillNo: string) => queryBill(merchant, outBillNo);
const confirmPage = (
  packageInfo: string,
  action?: 'pay' | 'cancel' | 'fail',
  params?: Record<string, unknown>,
) => confirmAt(simulator, packageInfo, action, params);

/** The notification `index`, verified and decrypted by the kit. */
function finished(index: number): {
  event: Record<string, unknown>;
  bill: Record<string, unknown>;
} {
  const received = receiver.received[index];
  if (!received) throw new Error(`notification ${index} did not arrive`);
  const { publicKey } = merchant.registered;
  const result = verifyNotification(
    { headers: received.headers, body: received.body },
    { platformKeys: { [publicKey.id]: publicKey.pem }, apiV3Key: API_V3_KEY },
  );
  if (!result.ok) throw new Error(`notification ${index} refused: ${result.message}`);
  return {
    event: result.notification as unknown as Record<string, unknown>,
    bill: result.resource as Record<string, unknown>,
  };
}

it('creates a bill waiting for the user, who confirms it: SUCCESS, notified, queried', async () => {
  const outBillNo = newOutBillNo();
  const created = await create(outBillNo);
  expect(Object.keys(created).sort()).toEqual([
    'create_time',
    'out_bill_no',
    'package_info',
    'state',
    'transfer_bill_no',
  ]);
  expect(created).toMatchObject({ out_bill_no: outBillNo, state: 'WAIT_USER_CONFIRM' });
  expect(created.transfer_bill_no).toMatch(/^1330\d{36}$/);
  expect(created.create_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
  expect(await create(outBillNo)).toEqual(created);
  expect(await query(outBillNo)).toMatchObject({
    mch_id: MCHID,
    appid: APPID,
    out_bill_no: outBillNo,
    transfer_bill_no: created.transfer_bill_no,
    state: 'WAIT_USER_CONFIRM',
    transfer_amount: 400,
    transfer_remark: '2025年4月配送报酬',
    openid: OPENID,
  });

  expect(await confirmPage(created.package_info)).toEqual({ errMsg: 'requestMerchantTransfer:ok' });
  await receiver.waitFor(1);
  const { event, bill } = finished(0);
  expect(event).toMatchObject({
    event_type: 'MCHTRANSFER.BILL.FINISHED',
    resource_type: 'encrypt-resource',
    summary: '商家转账单据终态通知',
    resource: { original_type: 'mch_payment', associated_data: 'mch_payment' },
  });
  expect(bill).toMatchObject({
    out_bill_no: outBillNo,
    transfer_bill_no: created.transfer_bill_no,
    state: 'SUCCESS',
    mch_id: MCHID,
    transfer_amount: 400,
    openid: OPENID,
    create_time: created.create_time,
  });
  expect(bill.fail_reason).toBeUndefined();
  expect((await query(outBillNo)).state).toBe('SUCCESS');
  expect(await confirmPage(created.package_info)).toEqual({
    errMsg: 'requestMerchantTransfer:fail package_info信息有误',
  });
  const reCreated = await create(outBillNo);
  expect(reCreated.state).toBe('SUCCESS');
  expect(reCreated).not.toHaveProperty('package_info');
});

it('keeps the bill waiting when the user says not now; refuses another user or package; a failure ends it FAIL', async () => {
  const outBillNo = newOutBillNo();
  const { package_info: packageInfo } = await create(outBillNo);
  expect(await confirmPage(packageInfo, 'cancel')).toEqual({
    errMsg: 'requestMerchantTransfer:fail cancel',
  });
  expect((await query(outBillNo)).state).toBe('WAIT_USER_CONFIRM');
  const badPackage = { errMsg: 'requestMerchantTransfer:fail package_info信息有误' };
  expect(await confirmPage(packageInfo, 'pay', { openId: 'oAnotherUser' })).toEqual(badPackage);
  expect(await confirmPage(`${packageInfo}x`)).toEqual(badPackage);
  expect(await confirmPage(packageInfo, 'pay', { appId: 'wx9999999999999999' })).toEqual(
    badPackage,
  );
  expect(await confirmPage(packageInfo, 'pay', { mchId: 1900000401 })).toEqual({
    errMsg:
      'requestMerchantTransfer:fail parameter error: parameter.mchId should be String instead of Number;',
    errno: 1001,
  });
  expect(receiver.received).toHaveLength(0);

  expect(await confirmPage(packageInfo, 'fail')).toEqual({
    errMsg: 'requestMerchantTransfer:fail 转账失败',
  });
  await receiver.waitFor(1);
  expect(finished(0).bill).toMatchObject({ state: 'FAIL', fail_reason: 'PAYEE_ACCOUNT_ABNORMAL' });
  expect(await query(outBillNo)).toMatchObject({
    state: 'FAIL',
    fail_reason: 'PAYEE_ACCOUNT_ABNORMAL',
  });
  const { transfers } = (await (await fetch(`${simulator.url}/sim/transfers`)).json()) as {
    transfers: { outBillNo: string; lastCashier?: { errMsg: string } }[];
  };
  expect(transfers.find((item) => item.outBillNo === outBillNo)?.lastCashier?.errMsg).toBe(
    'requestMerchantTransfer:fail 转账失败',
  );
});

it('cancels: CANCELING at once, CANCELLED on the clock with its notification, and the package is dead', async () => {
  const outBillNo = newOutBillNo();
  const created = await create(outBillNo);
  const cancel = `${BILLS}/out-bill-no/${outBillNo}/cancel`;
  const canceling = (await v3(merchant, 'post', cancel, { body: {} })).data;
  expect(canceling).toEqual({
    out_bill_no: outBillNo,
    transfer_bill_no: created.transfer_bill_no,
    state: 'CANCELING',
    update_time: expect.stringMatching(/\+08:00$/),
  });
  const unsigned = await rawRequest(simulator, {
    mchid: MCHID,
    method: 'POST',
    path: `/${cancel}`,
    body: '',
  });
  expect(unsigned.status).toBe(200);
  expect(unsigned.json?.state).toBe('CANCELING');
  expect(unsigned.headers.get('wechatpay-signature')).toBeTruthy();
  expect(await confirmPage(created.package_info)).toEqual({
    errMsg: 'requestMerchantTransfer:fail package_info信息有误',
  });
  expect(receiver.received).toHaveLength(0);

  await advance(simulator, 1);
  await receiver.waitFor(1);
  expect(finished(0).bill).toMatchObject({
    out_bill_no: outBillNo,
    state: 'CANCELLED',
    fail_reason: 'MCH_CANCEL',
  });
  expect((await query(outBillNo)).state).toBe('CANCELLED');
  expect((await v3(merchant, 'post', cancel, { body: {} })).data.state).toBe('CANCELLED');

  const confirmed = newOutBillNo();
  await confirmPage((await create(confirmed)).package_info);
  const late = await refusal(
    v3(merchant, 'post', `${BILLS}/out-bill-no/${confirmed}/cancel`, { body: {} }),
  );
  expect(late.status).toBe(400);
  expect(late.data).toMatchObject({ code: 'INVALID_REQUEST' });
  expect(late.data.message).toMatch(/is SUCCESS; only a bill waiting/);
});

it('ends a bill the user has not confirmed in 24 hours of the test clock FAIL OVERDUE_CLOSE, notified', async () => {
  const outBillNo = newOutBillNo();
  const { package_info: packageInfo } = await create(outBillNo);
  await advance(simulator, 24 * 3600 - 60);
  expect((await query(outBillNo)).state).toBe('WAIT_USER_CONFIRM');
  expect(receiver.received).toHaveLength(0);
  await advance(simulator, 60);
  await receiver.waitFor(1);
  const { event, bill } = finished(0);
  expect(event.event_type).toBe('MCHTRANSFER.BILL.FINISHED');
  expect(bill).toMatchObject({
    out_bill_no: outBillNo,
    state: 'FAIL',
    fail_reason: 'OVERDUE_CLOSE',
  });
  expect(await query(outBillNo)).toMatchObject({ state: 'FAIL', fail_reason: 'OVERDUE_CLOSE' });
  expect(await confirmPage(packageInfo)).toEqual({
    errMsg: 'requestMerchantTransfer:fail package_info信息有误',
  });
});
