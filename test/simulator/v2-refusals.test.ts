// API v2 refusals as WeChat Pay answers them: HTTP 200 XML, return_code FAIL (unsigned) for
// what cannot be taken, result_code FAIL (signed) for what is refused; never fastify's JSON.
import { Hash, Transformer } from 'wechatpay-axios-plugin';
import type { Simulator } from '../../simulator/src/server';
import { newOutTradeNo } from './helpers/flow';
import { API_V2_KEY, get, startTestSimulator, type TestMerchant } from './helpers/simulator';
import {
  rawV2,
  v2Client,
  v2PaymentParams,
  v2Post,
  v2Refusal,
  xmlFields,
} from './helpers/v2-client';
import { payAtCashier, registerInstitution, v2Order } from './helpers/v2-orders';

/** No order here is paid, so no notification is sent: nothing listens at this address. */
const NOTIFY_URL = 'http://127.0.0.1:9/pay/notify';

let simulator: Simulator;
let merchant: TestMerchant;
let wxpay: ReturnType<typeof v2Client>;
beforeAll(async () => {
  simulator = await startTestSimulator();
  merchant = await registerInstitution(simulator);
  wxpay = v2Client(simulator, merchant);
});
afterAll(() => simulator.close());

const orderOf = (outTradeNo: string, extra: Record<string, unknown> = {}) =>
  v2Order(outTradeNo, NOTIFY_URL, extra);
const cashierPay = (params: unknown) => payAtCashier(simulator, params);

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
