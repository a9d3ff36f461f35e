// API v2 (WeChat Pay Global's institution mode) through wechatpay-axios-plugin's v2 client,
// pointed at the simulator by its baseURL: it signs each XML request and verifies each answer;
// the XML payment notification is verified with the SDK's own Transformer and Hash.
import { Hash, Transformer } from 'wechatpay-axios-plugin';
import type { Simulator } from '../../simulator/src/server';
import { advance, newOutTradeNo } from './helpers/flow';
import { type Receiver, startReceiver } from './helpers/receiver';
import {
  API_V2_KEY,
  APPID,
  get,
  post,
  registerMerchant,
  startTestSimulator,
  type TestMerchant,
} from './helpers/simulator';
import {
  rawV2,
  SUB_APPID,
  SUB_MCHID,
  SUB_OPENID,
  type V2SignType,
  v2Client,
  v2PaymentParams,
  v2Post,
  v2Refusal,
  verifiedV2Xml,
  xmlFields,
} from './helpers/v2-client';

const INSTITUTION = '1900000390';
const ACK =
  '<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>';

let simulator: Simulator;
let receiver: Receiver;
let merchant: TestMerchant;
let wxpay: ReturnType<typeof v2Client>;
beforeAll(async () => {
  simulator = await startTestSimulator();
  receiver = await startReceiver(() => ({ status: 200, body: ACK }));
  merchant = await registerMerchant(simulator, {
    mchid: INSTITUTION,
    extra: { subMerchants: [{ mchid: SUB_MCHID, appids: [SUB_APPID] }] },
  });
  wxpay = v2Client(simulator, merchant);
});
afterAll(async () => {
  await simulator.close();
  await receiver.close();
});
beforeEach(() => {
  receiver.received.length = 0;
  receiver.answer = () => ({ status: 200, body: ACK });
});

/** A unified order of the institution for its sub-merchant's mini program. */
function orderOf(outTradeNo: string, extra: Record<string, unknown> = {}) {
  return {
    appid: APPID,
    mch_id: INSTITUTION,
    sub_appid: SUB_APPID,
    sub_mch_id: SUB_MCHID,
    body: 'Tea & cake <HK>',
    out_trade_no: outTradeNo,
    total_fee: 100,
    fee_type: 'HKD',
    spbill_create_ip: '203.0.113.7',
    notify_url: receiver.url,
    trade_type: 'JSAPI',
    sub_openid: SUB_OPENID,
    ...extra,
  };
}

function ids(outTradeNo: string) {
  return { appid: APPID, mch_id: INSTITUTION, sub_mch_id: SUB_MCHID, out_trade_no: outTradeNo };
}

async function cashierPay(params: unknown): Promise<{ errMsg: string }> {
  const answer = await post(simulator, '/sim/cashier', {
    api: 'requestPayment',
    params,
    action: 'pay',
  });
  return answer.body as { errMsg: string };
}

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

it('refuses an out_trade_no used with other parameters OUT_TRADE_NO_USED, and an unknown sub-merchant NOAUTH', async () => {
  const outTradeNo = newOutTradeNo('V2');
  await v2Post(wxpay, 'unifiedorder', orderOf(outTradeNo));
  const reused = await v2Refusal(
    v2Post(wxpay, 'unifiedorder', orderOf(outTradeNo, { total_fee: 101 })),
  );
  expect(reused).toMatchObject({
    return_code: 'SUCCESS',
    result_code: 'FAIL',
    err_code: 'OUT_TRADE_NO_USED',
  });
  expect(reused.err_code_des).toMatch(/^商户订单号重复: /);

  const stranger = await v2Refusal(
    v2Post(wxpay, 'unifiedorder', orderOf(newOutTradeNo('V2'), { sub_mch_id: '1999999999' })),
  );
  expect(stranger).toMatchObject({
    result_code: 'FAIL',
    err_code: 'NOAUTH',
    sub_mch_id: '1999999999',
  });
  const foreignApp = await v2Refusal(
    v2Post(
      wxpay,
      'unifiedorder',
      orderOf(newOutTradeNo('V2'), { sub_appid: 'wx2222222222222222' }),
    ),
  );
  expect(foreignApp.err_code).toBe('APPID_MCHID_NOT_MATCH');
});

it('refuses a request signed with another API v2 key: return_code FAIL 签名错误, unsigned, journaled', async () => {
  const impostor = v2Client(simulator, merchant, 'AnotherApiV2KeyOfSomeone01234567');
  const refused = await v2Refusal(v2Post(impostor, 'unifiedorder', orderOf(newOutTradeNo('V2'))));
  expect(refused.return_code).toBe('FAIL');
  expect(refused.return_msg).toMatch(
    /^签名错误: sign does not verify with the apiV2Key of merchant 1900000390/,
  );
  expect(refused.sign).toBeUndefined();
  expect(refused.result_code).toBeUndefined();
  const { requests } = (await get(simulator, '/sim/requests?limit=5')).body as {
    requests: { url: string; verdict: { verified?: boolean; reason?: string }; code?: string }[];
  };
  expect(requests.at(-1)).toMatchObject({
    url: '/pay/unifiedorder',
    code: 'SIGNERROR',
    verdict: { verified: false },
  });
});

it('refuses a paySign made with another key at the cashier', async () => {
  const { prepay_id: prepayId = '' } = await v2Post(
    wxpay,
    'unifiedorder',
    orderOf(newOutTradeNo('V2')),
  );
  const forged = v2PaymentParams(prepayId, 'MD5', 'AnotherApiV2KeyOfSomeone01234567');
  expect(await cashierPay(forged)).toEqual({
    errMsg: 'requestPayment:fail 支付验证签名失败',
    errno: 702002,
  });
});

it('retries the XML notification on the schedule until the merchant answers return_code SUCCESS', async () => {
  const answers = [
    { status: 200, body: 'success' },
    { status: 200, body: '<xml><return_code><![CDATA[FAIL]]></return_code></xml>' },
    { status: 500, body: ACK },
    { status: 200, body: ACK },
  ];
  receiver.answer = () => answers.shift() ?? { status: 200, body: ACK };
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

describe('what no SDK sends', () => {
  const signedXml = (fields: Record<string, string>) =>
    Transformer.toXml({ ...fields, sign: Hash.sign(Hash.ALGO_MD5, fields, API_V2_KEY) });

  it.each([
    ['an empty body', '', /^post数据为空: /],
    ['text', 'hello', /^XML格式错误: /],
    ['JSON', '{"mch_id":"1900000390"}', /^XML格式错误: /],
    [
      'a nested element',
      '<xml><mch_id><a>1</a></mch_id></xml>',
      /^XML格式错误: .*holds an element/,
    ],
    ['an unclosed root', '<xml><mch_id>1900000390</mch_id>', /^XML格式错误: /],
    ['a field given twice', '<xml><a>1</a><a>2</a></xml>', /^XML格式错误: .*given twice/],
    ['a bare &', '<xml><mch_id>1&2</mch_id></xml>', /^XML格式错误: .*bare &/],
    [
      'a DOCTYPE',
      '<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><a>&x;</a></xml>',
      /^XML格式错误: .*a DOCTYPE is not accepted/,
    ],
    ['no mch_id', '<xml><appid>wx8888888888888888</appid></xml>', /^缺少参数: mch_id is required/],
    [
      'an unknown mch_id',
      '<xml><mch_id>1234</mch_id></xml>',
      /^MCHID不存在: merchant 1234 is not registered/,
    ],
    ['no sign', '<xml><mch_id>1900000390</mch_id></xml>', /^缺少参数: sign is required/],
    [
      'a sign_type of its own',
      '<xml><mch_id>1900000390</mch_id><sign_type>SHA1</sign_type></xml>',
      /^参数格式错误: sign_type must be MD5 or HMAC-SHA256/,
    ],
  ])('answers %s with an unsigned return_code FAIL, HTTP 200 XML', async (_name, body, message) => {
    const answer = await rawV2(simulator, '/pay/unifiedorder', body);
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^text\/xml/);
    const fields = xmlFields(answer.text);
    expect(fields.return_code).toBe('FAIL');
    expect(fields.return_msg).toMatch(message);
    expect(fields.sign).toBeUndefined();
  });

  it('names a missing or malformed field of a signed request', async () => {
    const order = { ...orderOf(newOutTradeNo('V2')), total_fee: '100', nonce_str: 'n0nce' };
    const { total_fee: _omitted, ...withoutAmount } = order;
    const missing = xmlFields(
      (await rawV2(simulator, '/pay/unifiedorder', signedXml(withoutAmount))).text,
    );
    expect(missing.return_msg).toBe('缺少参数: total_fee is required.');
    const badAmount = xmlFields(
      (await rawV2(simulator, '/pay/unifiedorder', signedXml({ ...order, total_fee: '1.5' }))).text,
    );
    expect(badAmount.return_msg).toMatch(/^参数格式错误: total_fee must be an integer from 1 to /);
    const native = xmlFields(
      (await rawV2(simulator, '/pay/unifiedorder', signedXml({ ...order, trade_type: 'NATIVE' })))
        .text,
    );
    expect(native.return_msg).toMatch(/^参数格式错误: trade_type must be JSAPI/);
  });

  it('answers a body that is not UTF-8, a GET and an unknown path in XML, and keeps serving', async () => {
    const latin1 = await rawV2(
      simulator,
      '/pay/unifiedorder',
      new Uint8Array([0x3c, 0x78, 0xff, 0xfe]),
    );
    expect(xmlFields(latin1.text).return_msg).toMatch(/^编码格式错误: /);
    const got = await rawV2(simulator, '/pay/unifiedorder', undefined, 'GET');
    expect(got.status).toBe(200);
    expect(xmlFields(got.text).return_msg).toMatch(/^请使用post方法: GET \/pay\/unifiedorder/);
    const unknown = await rawV2(simulator, '/pay/refundquery', '<xml/>');
    expect(unknown.status).toBe(404);
    expect(xmlFields(unknown.text).return_msg).toMatch(/serves no POST \/pay\/refundquery/);
    const huge = await rawV2(
      simulator,
      '/pay/unifiedorder',
      `<xml><body>${'x'.repeat(300_000)}</body></xml>`,
    );
    expect(xmlFields(huge.text).return_code).toBe('FAIL');
    expect((await v2Post(wxpay, 'unifiedorder', orderOf(newOutTradeNo('V2')))).result_code).toBe(
      'SUCCESS',
    );
  });
});
