// Transfer bills refused as WeChat Pay refuses them: 400 PARAM_ERROR naming the field,
// INVALID_REQUEST, APPID_MCHID_NOT_MATCH, 404 NOT_FOUND; the payee's name encrypted with the
// platform key that Wechatpay-Serial names.
import { Rsa } from 'wechatpay-axios-plugin';
import type { Simulator } from '../../simulator/src/server';
import { registerMerchant, startTestSimulator, type TestMerchant, v3 } from './helpers/simulator';
import {
  BILLS,
  type CreatedBill as Created,
  createBill,
  newOutBillNo,
  sdkRefusal as refusal,
  TRANSFER_MCHID,
  transferBillOf,
} from './helpers/transfer-bills';

/** No bill here ends, so no notification is sent: nothing listens at this address. */
const NOTIFY_URL = 'http://127.0.0.1:9/pay/transfer-notify';

let simulator: Simulator;
let merchant: TestMerchant;
beforeAll(async () => {
  simulator = await startTestSimulator();
  merchant = await registerMerchant(simulator, { mchid: TRANSFER_MCHID });
});
afterAll(() => simulator.close());

const billOf = (outBillNo: string, extra: Record<string, unknown> = {}) =>
  transferBillOf(outBillNo, NOTIFY_URL, extra);
const create = (outBillNo: string, extra: Record<string, unknown> = {}) =>
  createBill(merchant, billOf(outBillNo, extra));

describe('refusals', () => {
  it.each([
    [
      'no report infos',
      { transfer_scene_report_infos: undefined },
      400,
      'PARAM_ERROR',
      /transfer_scene_report_infos is required/,
    ],
    [
      'an undocumented scene',
      { transfer_scene_id: '9999' },
      400,
      'PARAM_ERROR',
      /transfer_scene_id must be a scene/,
    ],
    [
      'less than 0.1 yuan',
      { transfer_amount: 9 },
      400,
      'INVALID_REQUEST',
      /below the least a transfer can be/,
    ],
    [
      'a remark of 33 characters',
      { transfer_remark: '报'.repeat(33) },
      400,
      'PARAM_ERROR',
      /at most 32 characters/,
    ],
    [
      'an AppID of someone else',
      { appid: 'wx9999999999999999' },
      400,
      'APPID_MCHID_NOT_MATCH',
      /not bound to merchant/,
    ],
    [
      '2000 yuan without the payee name',
      { transfer_amount: 200_000 },
      400,
      'PARAM_ERROR',
      /user_name is required/,
    ],
    ['a user_name not encrypted', { user_name: '张三' }, 400, 'PARAM_ERROR', /Wechatpay-Serial/],
  ])('refuses %s', async (_name, extra, status, code, message) => {
    const refused = await refusal(
      v3(merchant, 'post', BILLS, { body: billOf(newOutBillNo(), extra) }),
    );
    expect(refused.status).toBe(status);
    expect(refused.data.code).toBe(code);
    expect(refused.data.message).toMatch(message);
  });

  it('refuses an out_bill_no reused with other parameters', async () => {
    const outBillNo = newOutBillNo();
    await create(outBillNo);
    const refused = await refusal(
      v3(merchant, 'post', BILLS, { body: billOf(outBillNo, { transfer_amount: 500 }) }),
    );
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({
      code: 'INVALID_REQUEST',
      detail: { field: 'out_bill_no' },
    });
    expect(refused.data.message).toMatch(/exists with other parameters/);
  });

  it('takes a payee name encrypted with the platform key Wechatpay-Serial names, and refuses one that does not decrypt', async () => {
    const { id, pem } = merchant.registered.publicKey;
    const userName = Rsa.encrypt('张三', Rsa.from(pem, Rsa.KEY_TYPE_PUBLIC));
    const headers = { 'Wechatpay-Serial': id };
    const body = billOf(newOutBillNo(), { transfer_amount: 200_000, user_name: userName });
    const created = (await v3<Created>(merchant, 'post', BILLS, { body, headers })).data;
    expect(created.state).toBe('WAIT_USER_CONFIRM');
    const again = { ...body, user_name: Rsa.encrypt('张三', Rsa.from(pem, Rsa.KEY_TYPE_PUBLIC)) };
    expect((await v3<Created>(merchant, 'post', BILLS, { body: again, headers })).data).toEqual(
      created,
    );
    const garbled = await refusal(
      v3(merchant, 'post', BILLS, {
        body: { ...body, out_bill_no: newOutBillNo(), user_name: 'bm90IGEgY2lwaGVy' },
        headers,
      }),
    );
    expect(garbled.data).toMatchObject({ code: 'PARAM_ERROR', detail: { field: 'user_name' } });
  });

  it('answers 404 NOT_FOUND for an unknown out_bill_no, to query or cancel', async () => {
    const queried = await refusal(v3(merchant, 'get', `${BILLS}/out-bill-no/NOSUCHBILL`));
    expect(queried.status).toBe(404);
    expect(queried.data.code).toBe('NOT_FOUND');
    const cancelled = await refusal(
      v3(merchant, 'post', `${BILLS}/out-bill-no/NOSUCHBILL/cancel`, { body: {} }),
    );
    expect(cancelled.status).toBe(404);
  });
});
