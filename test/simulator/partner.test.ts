// A service provider (institution mode) orders for its sub-merchant: the partner JSAPI routes,
// sub_mchid checked against the provider's registration, notifications in the partner shape.
import { signPayment, verifyNotification } from 'miniprogram-pay/server';
import type { Simulator } from '../../simulator/src/server';
import { advance, cashier, newOutTradeNo } from './helpers/flow';
import { merchantKeys } from './helpers/keys';
import { type Receiver, startReceiver } from './helpers/receiver';
import { refusal } from './helpers/refusal';
import {
  API_V3_KEY,
  APPID,
  registerMerchant,
  startTestSimulator,
  type TestMerchant,
  v3,
} from './helpers/simulator';

const SUB_MCHID = '1900009991';
const SUB_APPID = 'wxsub0000000000001';
let simulator: Simulator;
let receiver: Receiver;
let provider: TestMerchant;
beforeAll(async () => {
  simulator = await startTestSimulator();
  receiver = await startReceiver();
  provider = await registerMerchant(simulator, {
    mchid: '1900000701',
    extra: { subMerchants: [{ mchid: SUB_MCHID, appids: [SUB_APPID] }] },
  });
});
afterAll(async () => {
  await simulator.close();
  await receiver.close();
});

function partnerOrder(outTradeNo: string, change: Record<string, unknown> = {}) {
  return {
    sp_appid: APPID,
    sp_mchid: provider.mchid,
    sub_appid: SUB_APPID,
    sub_mchid: SUB_MCHID,
    description: 'A partner order',
    out_trade_no: outTradeNo,
    notify_url: receiver.url,
    amount: { total: 300, currency: 'CNY' },
    payer: { sub_openid: 'oSubUser0000000000000000001' },
    ...change,
  };
}

it('creates, pays in the sub-merchant AppID, notifies in the partner shape, queries both ways, refunds', async () => {
  const outTradeNo = newOutTradeNo('SP');
  const created = await v3<{ prepay_id: string }>(
    provider,
    'post',
    'v3/pay/partner/transactions/jsapi',
    { body: partnerOrder(outTradeNo) },
  );
  const params = signPayment({
    appId: SUB_APPID,
    prepayId: created.data.prepay_id,
    privateKey: merchantKeys(0).privateKey,
  });
  expect(await cashier(simulator, params)).toEqual({ errMsg: 'requestPayment:ok' });
  const [received] = await receiver.waitFor(1);
  if (!received) throw new Error('no notification');
  const { platformCertificate, publicKey } = provider.registered;
  const result = verifyNotification(
    { headers: received.headers, body: received.body },
    {
      platformKeys: {
        [platformCertificate.serial]: platformCertificate.pem,
        [publicKey.id]: publicKey.pem,
      },
      apiV3Key: API_V3_KEY,
    },
  );
  if (!result.ok) throw new Error(result.message);
  expect(result.resource).toMatchObject({
    sp_appid: APPID,
    sp_mchid: provider.mchid,
    sub_appid: SUB_APPID,
    sub_mchid: SUB_MCHID,
    out_trade_no: outTradeNo,
    trade_state: 'SUCCESS',
    payer: { sub_openid: 'oSubUser0000000000000000001' },
  });
  const ids = { sp_mchid: provider.mchid, sub_mchid: SUB_MCHID };
  const byNo = await v3(provider, 'get', `v3/pay/partner/transactions/out-trade-no/${outTradeNo}`, {
    query: ids,
  });
  expect(byNo.data.trade_state).toBe('SUCCESS');
  const byId = await v3(
    provider,
    'get',
    `v3/pay/partner/transactions/id/${String(byNo.data.transaction_id)}`,
    { query: ids },
  );
  expect(byId.data.out_trade_no).toBe(outTradeNo);

  const refund = await v3(provider, 'post', 'v3/refund/domestic/refunds', {
    body: {
      sub_mchid: SUB_MCHID,
      transaction_id: byNo.data.transaction_id,
      out_refund_no: `R${outTradeNo}`,
      notify_url: receiver.url,
      amount: { refund: 300, total: 300, currency: 'CNY' },
    },
  });
  expect(refund.data.status).toBe('PROCESSING');
  await advance(simulator, 5);
  const queried = await v3(provider, 'get', `v3/refund/domestic/refunds/R${outTradeNo}`, {
    query: { sub_mchid: SUB_MCHID },
  });
  expect(queried.data.status).toBe('SUCCESS');
  const [, refundNotification] = await receiver.waitFor(2);
  const refundResult = verifyNotification(
    { headers: refundNotification?.headers ?? {}, body: refundNotification?.body ?? '' },
    { platformKeys: { [publicKey.id]: publicKey.pem }, apiV3Key: API_V3_KEY },
  );
  expect(refundResult.ok && refundResult.resource).toMatchObject({
    sp_mchid: provider.mchid,
    sub_mchid: SUB_MCHID,
    refund_status: 'SUCCESS',
  });
});

it('closes a partner order with 204', async () => {
  const outTradeNo = newOutTradeNo('SP');
  await v3(provider, 'post', 'v3/pay/partner/transactions/jsapi', {
    body: partnerOrder(outTradeNo),
  });
  const closed = await v3(
    provider,
    'post',
    `v3/pay/partner/transactions/out-trade-no/${outTradeNo}/close`,
    { body: { sp_mchid: provider.mchid, sub_mchid: SUB_MCHID } },
  );
  expect(closed.status).toBe(204);
});

it.each([
  ['a sub_mchid not registered under the provider', { sub_mchid: '1900009999' }, 403, 'NO_AUTH'],
  [
    'a sub_appid not bound to the sub-merchant',
    { sub_appid: 'wxother00000000001' },
    400,
    'APPID_MCHID_NOT_MATCH',
  ],
  ['a sub_openid without sub_appid', { sub_appid: undefined }, 400, 'PARAM_ERROR'],
  ['no payer openid at all', { payer: {} }, 400, 'PARAM_ERROR'],
  ['an sp_mchid other than the signer', { sp_mchid: '1900000799' }, 400, 'PARAM_ERROR'],
])('refuses %s', async (_name, change, status, code) => {
  const body = partnerOrder(newOutTradeNo('SP'), change);
  const answer = await refusal(
    provider.wxpay.chain('v3/pay/partner/transactions/jsapi').post(body),
  );
  expect(answer.status).toBe(status);
  expect(answer.data.code).toBe(code);
});
