// A merchant's whole v3 flow through wechatpay-axios-plugin pointed at the simulator by its
// baseURL, in certificate and public-key modes: every answer verified by the SDK itself.
import { type VerifyNotificationResult, verifyNotification } from 'miniprogram-pay/server';
import type { Simulator } from '../../simulator/src/server';
import { advance, cashier, createOrder, newOutTradeNo, paymentParams } from './helpers/flow';
import { type Receiver, startReceiver } from './helpers/receiver';
import {
  API_V3_KEY,
  registerMerchant,
  startTestSimulator,
  type TestMerchant,
  v3,
} from './helpers/simulator';

let simulator: Simulator;
let receiver: Receiver;
beforeAll(async () => {
  simulator = await startTestSimulator();
  receiver = await startReceiver();
});
afterAll(async () => {
  await simulator.close();
  await receiver.close();
});

function platformKeysOf(merchant: TestMerchant): Record<string, string> {
  const { platformCertificate, publicKey } = merchant.registered;
  return { [platformCertificate.serial]: platformCertificate.pem, [publicKey.id]: publicKey.pem };
}

function verified(
  merchant: TestMerchant,
  index: number,
): Extract<VerifyNotificationResult, { ok: true }> {
  const received = receiver.received[index];
  if (!received) throw new Error(`notification ${index} did not arrive`);
  const result = verifyNotification(
    { headers: received.headers, body: received.body },
    { platformKeys: platformKeysOf(merchant), apiV3Key: API_V3_KEY },
  );
  if (!result.ok) throw new Error(`notification ${index} refused: ${result.message}`);
  return result;
}

describe.each(['certificate', 'public-key'] as const)('%s mode', (signing) => {
  let merchant: TestMerchant;
  beforeAll(async () => {
    receiver.received.length = 0;
    const mchid = signing === 'certificate' ? '1900000201' : '1900000202';
    merchant = await registerMerchant(simulator, { signing, mchid });
  });

  it('creates, answers the same prepay_id again, queries both ways, pays, notifies, refunds', async () => {
    const outTradeNo = newOutTradeNo();
    const { mchid } = merchant;
    const prepayId = await createOrder(merchant, outTradeNo, receiver.url);
    expect(prepayId).toMatch(/^wx\d{14}[0-9a-f]{20}$/);
    expect(await createOrder(merchant, outTradeNo, receiver.url)).toBe(prepayId);

    const byNo = `v3/pay/transactions/out-trade-no/${outTradeNo}`;
    const unpaid = await v3(merchant, 'get', byNo, { query: { mchid } });
    expect(unpaid.data).toMatchObject({ out_trade_no: outTradeNo, trade_state: 'NOTPAY' });
    expect(unpaid.data.transaction_id).toBeUndefined();

    expect(await cashier(simulator, paymentParams(prepayId))).toEqual({
      errMsg: 'requestPayment:ok',
    });
    await receiver.waitFor(1);
    const notification = verified(merchant, 0);
    expect(notification.notification.event_type).toBe('TRANSACTION.SUCCESS');
    const transaction = notification.resource as Record<string, unknown>;
    expect(transaction).toMatchObject({
      mchid,
      out_trade_no: outTradeNo,
      trade_state: 'SUCCESS',
      amount: { total: 100, payer_total: 100 },
    });
    const { platformCertificate, publicKey } = merchant.registered;
    const expectedSerial = signing === 'certificate' ? platformCertificate.serial : publicKey.id;
    expect(receiver.received[0]?.headers['wechatpay-serial']).toBe(expectedSerial);

    const byId = `v3/pay/transactions/id/${String(transaction.transaction_id)}`;
    expect((await v3(merchant, 'get', byId, { query: { mchid } })).data).toMatchObject({
      out_trade_no: outTradeNo,
      trade_state: 'SUCCESS',
      success_time: transaction.success_time,
    });

    const outRefundNo = `R${outTradeNo}`;
    const refund = await v3(merchant, 'post', 'v3/refund/domestic/refunds', {
      body: {
        out_trade_no: outTradeNo,
        out_refund_no: outRefundNo,
        notify_url: receiver.url,
        amount: { refund: 40, total: 100, currency: 'CNY' },
      },
    });
    expect(refund.data).toMatchObject({ out_refund_no: outRefundNo, status: 'PROCESSING' });
    const refundQuery = `v3/refund/domestic/refunds/${outRefundNo}`;
    expect((await v3(merchant, 'get', refundQuery)).data.status).toBe('PROCESSING');
    await advance(simulator, 2);
    expect((await v3(merchant, 'get', refundQuery)).data).toMatchObject({
      status: 'SUCCESS',
      refund_id: refund.data.refund_id,
    });
    await receiver.waitFor(2);
    const refundNotification = verified(merchant, 1);
    expect(refundNotification.notification.event_type).toBe('REFUND.SUCCESS');
    expect(refundNotification.resource).toMatchObject({
      out_refund_no: outRefundNo,
      refund_status: 'SUCCESS',
      amount: { refund: 40, payer_refund: 40 },
    });
    expect((await v3(merchant, 'get', byNo, { query: { mchid } })).data.trade_state).toBe('REFUND');
  });

  it('closes an unpaid order with 204, signed; its query then says CLOSED', async () => {
    const outTradeNo = newOutTradeNo();
    await createOrder(merchant, outTradeNo, receiver.url);
    const path = `v3/pay/transactions/out-trade-no/${outTradeNo}`;
    const closed = await v3(merchant, 'post', `${path}/close`, { body: { mchid: merchant.mchid } });
    expect(closed.status).toBe(204);
    expect(closed.headers['wechatpay-signature']).toBeDefined();
    const query = await v3(merchant, 'get', path, { query: { mchid: merchant.mchid } });
    expect(query.data.trade_state).toBe('CLOSED');
  });
});
