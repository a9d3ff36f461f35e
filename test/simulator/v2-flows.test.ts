// API v2 (WeChat Pay Global's institution mode) through wechatpay-axios-plugin's v2 client,
// pointed at the simulator by its baseURL: it signs each XML request and verifies each answer;
// the XML payment notification is verified with the SDK's own Transformer and Hash.
import { Transformer } from 'wechatpay-axios-plugin';
import type { Simulator } from '../../simulator/src/server';
import { advance, newOutTradeNo } from './helpers/flow';
import { type Receiver, startReceiver } from './helpers/receiver';
import { APPID, get, startTestSimulator, type TestMerchant } from './helpers/simulator';
import {
  SUB_APPID,
  SUB_MCHID,
  SUB_OPENID,
  type V2SignType,
  v2Client,
  v2PaymentParams,
  v2Post,
  v2Refusal,
  verifiedV2Xml,
} from './helpers/v2-client';
import {
  INSTITUTION,
  v2Ids as ids,
  payAtCashier,
  registerInstitution,
  v2Order,
  XML_ACK,
} from './helpers/v2-orders';

let simulator: Simulator;
let receiver: Receiver;
let merchant: TestMerchant;
let wxpay: ReturnType<typeof v2Client>;
beforeAll(async () => {
  simulator = await startTestSimulator();
  receiver = await startReceiver(() => ({ status: 200, body: XML_ACK }));
  merchant = await registerInstitution(simulator);
  wxpay = v2Client(simulator, merchant);
});
afterAll(async () => {
  await simulator.close();
  await receiver.close();
});
beforeEach(() => {
  receiver.received.length = 0;
  receiver.answer = () => ({ status: 200, body: XML_ACK });
});

const orderOf = (outTradeNo: string, extra: Record<string, unknown> = {}) =>
  v2Order(outTradeNo, receiver.url, extra);
const cashierPay = (params: unknown) => payAtCashier(simulator, params);

describe.each(['MD5', 'HMAC-SHA256'] as const)('signed %s', (signType: V2SignType) => {
  it('orders, answers the same prepay_id again, pays at the cashier, notifies in XML, queries', async () => {
    const outTradeNo = newOutTradeNo('V2');
    const order = orderOf(outTradeNo, { sign_type: signType, attach: 'table 7' });
    const created = await v2Post(wxpay, 'unifiedorder', order);
    expect(created).toMatchObject({
      return_code: 'SUCCESS',
      result_code: 'SUCCESS',
      appid: APPID,
      mch_id: INSTITUTION,
      sub_appid: SUB_APPID,
      sub_mch_id: SUB_MCHID,
      trade_type: 'JSAPI',
    });
    expect(created.sign).toHaveLength(signType === 'MD5' ? 32 : 64);
    expect(created.prepay_id).toMatch(/^wx\d{14}[0-9a-f]{20}$/);
    expect((await v2Post(wxpay, 'unifiedorder', order)).prepay_id).toBe(created.prepay_id);

    const unpaid = await v2Post(wxpay, 'orderquery', { ...ids(outTradeNo), sign_type: signType });
    expect(unpaid).toMatchObject({ trade_state: 'NOTPAY', total_fee: '100', fee_type: 'HKD' });
    expect(unpaid.transaction_id).toBeUndefined();

    const paid = Date.now();
    expect(await cashierPay(v2PaymentParams(created.prepay_id ?? '', signType))).toEqual({
      errMsg: 'requestPayment:ok',
    });
    const [received] = await receiver.waitFor(1);
    expect(received?.headers['content-type']).toMatch(/^text\/xml/);
    const notification = verifiedV2Xml(received?.body ?? '');
    expect(notification).toMatchObject({
      return_code: 'SUCCESS',
      result_code: 'SUCCESS',
      appid: APPID,
      mch_id: INSTITUTION,
      sub_appid: SUB_APPID,
      sub_mch_id: SUB_MCHID,
      sub_openid: SUB_OPENID,
      out_trade_no: outTradeNo,
      total_fee: '100',
      cash_fee: '100',
      fee_type: 'HKD',
      trade_type: 'JSAPI',
      bank_type: 'OTHERS',
      attach: 'table 7',
    });
    expect(notification.sign_type).toBe(signType === 'MD5' ? undefined : signType);
    expect(notification.transaction_id).toMatch(/^42000\d{23}$/);
    expect(notification.nonce_str).toMatch(/^[0-9A-Za-z]{32}$/);
    const beijing = new Date(paid + 8 * 3600_000).toISOString().replace(/[-T:]/g, '').slice(0, 12);
    expect(notification.time_end?.slice(0, 12)).toBe(beijing);

    for (const by of [
      { out_trade_no: outTradeNo },
      { transaction_id: notification.transaction_id },
    ]) {
      const query = await v2Post(wxpay, 'orderquery', {
        ...ids(outTradeNo),
        out_trade_no: undefined,
        ...by,
      });
      expect(query).toMatchObject({
        trade_state: 'SUCCESS',
        trade_state_desc: '支付成功',
        transaction_id: notification.transaction_id,
        time_end: notification.time_end,
        cash_fee: '100',
      });
    }
    const { notifications } = (await get(simulator, '/sim/notifications')).body as {
      notifications: { subject: string; channel: string; state: string }[];
    };
    expect(notifications.find((item) => item.subject === outTradeNo)).toMatchObject({
      channel: 'v2',
      state: 'delivered',
    });
  });
});

it('closes an unpaid order, then refuses it ORDERCLOSED; a paid one ORDERPAID; an unknown ORDERNOTEXIST', async () => {
  const open = newOutTradeNo('V2');
  await v2Post(wxpay, 'unifiedorder', orderOf(open));
  expect(await v2Post(wxpay, 'closeorder', ids(open))).toMatchObject({ result_code: 'SUCCESS' });
  expect((await v2Post(wxpay, 'orderquery', ids(open))).trade_state).toBe('CLOSED');
  const again = await v2Refusal(v2Post(wxpay, 'closeorder', ids(open)));
  expect(again).toMatchObject({
    return_code: 'SUCCESS',
    result_code: 'FAIL',
    err_code: 'ORDERCLOSED',
  });
  expect(again.err_code_des).toMatch(/^订单已关闭: /);
  expect(verifiedV2Xml(Transformer.toXml(again))).toMatchObject({ err_code: 'ORDERCLOSED' });
  const reopened = await v2Refusal(v2Post(wxpay, 'unifiedorder', orderOf(open)));
  expect(reopened.err_code).toBe('ORDERCLOSED');

  const bought = newOutTradeNo('V2');
  const { prepay_id: prepayId = '' } = await v2Post(wxpay, 'unifiedorder', orderOf(bought));
  expect((await cashierPay(v2PaymentParams(prepayId, 'MD5'))).errMsg).toBe('requestPayment:ok');
  const paidClose = await v2Refusal(v2Post(wxpay, 'closeorder', ids(bought)));
  expect(paidClose).toMatchObject({ result_code: 'FAIL', err_code: 'ORDERPAID' });
  expect((await v2Refusal(v2Post(wxpay, 'unifiedorder', orderOf(bought)))).err_code).toBe(
    'ORDERPAID',
  );

  const unknown = await v2Refusal(v2Post(wxpay, 'orderquery', ids('NO_SUCH_ORDER_1')));
  expect(unknown).toMatchObject({ result_code: 'FAIL', err_code: 'ORDERNOTEXIST' });
  expect(unknown.err_code_des).toMatch(/^此交易订单号不存在: .*NO_SUCH_ORDER_1/);
});

it('retries the XML notification on the schedule until the merchant answers return_code SUCCESS', async () => {
  const answers = [
    { status: 200, body: 'success' },
    { status: 200, body: '<xml><return_code><![CDATA[FAIL]]></return_code></xml>' },
    { status: 500, body: XML_ACK },
    { status: 200, body: XML_ACK },
  ];
  receiver.answer = () => answers.shift() ?? { status: 200, body: XML_ACK };
  const outTradeNo = newOutTradeNo('V2');
  const { prepay_id: prepayId = '' } = await v2Post(wxpay, 'unifiedorder', orderOf(outTradeNo));
  await cashierPay(v2PaymentParams(prepayId, 'MD5'));
  await receiver.waitFor(1);
  await advance(simulator, 15);
  await advance(simulator, 15);
  await advance(simulator, 30);
  expect(receiver.received).toHaveLength(4);
  expect(new Set(receiver.received.map((item) => item.body)).size).toBe(1);
  const { notifications } = (await get(simulator, '/sim/notifications')).body as {
    notifications: { subject: string; state: string; attempts: unknown[]; retries: number }[];
  };
  expect(notifications.find((item) => item.subject === outTradeNo)).toMatchObject({
    state: 'delivered',
    retries: 3,
  });
});
