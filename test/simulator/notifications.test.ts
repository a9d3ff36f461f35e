// The simulator's notifications as the merchant's verifiers see them: wechatpay-node-v3's
// verifySign and decipher_gcm, our kit's verifyNotification; migration mode signs with either
// key; a signature probe; a held notification sent on demand.
import { verifyNotification } from 'miniprogram-pay/server';
import Pay from 'wechatpay-node-v3';
import type { Simulator } from '../../simulator/src/server';
import { advance, cashier, createOrder, newOutTradeNo, paymentParams } from './helpers/flow';
import { merchantKeys } from './helpers/keys';
import { type Received, type Receiver, startReceiver } from './helpers/receiver';
import {
  API_V3_KEY,
  APPID,
  get,
  MERCHANT_SERIAL,
  post,
  registerMerchant,
  startTestSimulator,
  type TestMerchant,
} from './helpers/simulator';

/** wechatpay-node-v3, trusting the simulator's keys (it would download them from its fixed host). */
class MerchantPay extends Pay {
  static trust(keys: Record<string, string>): void {
    Object.assign(Pay.certificates, keys);
  }
}

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
beforeEach(() => {
  receiver.received.length = 0;
  receiver.answer = () => ({ status: 204 });
});

function trustedKeys(merchant: TestMerchant): Record<string, string> {
  const { platformCertificate, publicKey } = merchant.registered;
  return { [platformCertificate.serial]: platformCertificate.pem, [publicKey.id]: publicKey.pem };
}

function kitVerifies(merchant: TestMerchant, received: Received) {
  return verifyNotification(
    { headers: received.headers, body: received.body },
    { platformKeys: trustedKeys(merchant), apiV3Key: API_V3_KEY },
  );
}

async function payOrder(
  merchant: TestMerchant,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const outTradeNo = newOutTradeNo();
  const prepayId = await createOrder(merchant, outTradeNo, receiver.url);
  expect(await cashier(simulator, paymentParams(prepayId), 'pay', extra)).toEqual({
    errMsg: 'requestPayment:ok',
  });
  return outTradeNo;
}

it('wechatpay-node-v3 verifies the notification and deciphers its resource', async () => {
  const merchant = await registerMerchant(simulator, {
    mchid: '1900000501',
    signing: 'certificate',
  });
  const outTradeNo = await payOrder(merchant);
  const [received] = await receiver.waitFor(1);
  if (!received) throw new Error('no notification');
  const pay = new MerchantPay({
    appid: APPID,
    mchid: merchant.mchid,
    serial_no: MERCHANT_SERIAL,
    publicKey: Buffer.from(merchantKeys(0).publicKeyPem),
    privateKey: Buffer.from(merchantKeys(0).privateKeyPem),
    key: API_V3_KEY,
  });
  MerchantPay.trust(trustedKeys(merchant));
  const headers = received.headers as Record<string, string>;
  const verified = await pay.verifySign({
    timestamp: headers['wechatpay-timestamp'] ?? '',
    nonce: headers['wechatpay-nonce'] ?? '',
    serial: headers['wechatpay-serial'] ?? '',
    signature: headers['wechatpay-signature'] ?? '',
    body: received.body,
  });
  expect(verified).toBe(true);
  const { resource } = JSON.parse(received.body) as {
    resource: { ciphertext: string; associated_data: string; nonce: string };
  };
  const transaction = pay.decipher_gcm<Record<string, unknown>>(
    resource.ciphertext,
    resource.associated_data,
    resource.nonce,
    API_V3_KEY,
  );
  expect(transaction).toMatchObject({ out_trade_no: outTradeNo, trade_state: 'SUCCESS' });
  expect(headers['wechatpay-signature-type']).toBe('WECHATPAY2-SHA256-RSA2048');
  expect(headers['request-id']).toMatch(/^[0-9A-F]{40}-0$/);
});

it('in migration mode signs each attempt with either key, and the kit verifies every one', async () => {
  const merchant = await registerMerchant(simulator, { mchid: '1900000502', signing: 'migration' });
  receiver.answer = () => ({ status: 500 });
  await payOrder(merchant, { notifyDelayMs: 1000 });
  await advance(simulator, 25 * 60 * 60);
  expect(receiver.received).toHaveLength(16);
  const serials = new Set(
    receiver.received.map((received) => received.headers['wechatpay-serial']),
  );
  expect(serials).toEqual(
    new Set([merchant.registered.platformCertificate.serial, merchant.registered.publicKey.id]),
  );
  for (const received of receiver.received) expect(kitVerifies(merchant, received).ok).toBe(true);
});

it('sends a signature probe, and says whether the merchant refused it', async () => {
  const merchant = await registerMerchant(simulator, { mchid: '1900000503' });
  receiver.answer = (received) => {
    const result = kitVerifies(merchant, received);
    return result.ok
      ? { status: 204 }
      : { status: result.status, body: JSON.stringify({ code: 'FAIL', message: result.message }) };
  };
  const refused = await post(simulator, '/sim/notifications/probe', {
    mchid: merchant.mchid,
    url: receiver.url,
  });
  expect(refused.status).toBe(200);
  expect(refused.body).toMatchObject({ refused: true, verdict: 'refused', status: 401 });
  expect(receiver.received[0]?.headers['wechatpay-signature']).toMatch(/^WECHATPAY\/SIGNTEST\//);

  receiver.answer = () => ({ status: 200 });
  const accepted = await post(simulator, '/sim/notifications/probe', {
    mchid: merchant.mchid,
    url: receiver.url,
  });
  expect(accepted.body).toMatchObject({ refused: false, verdict: 'accepted', status: 200 });
});

it('holds a notification with dropNotify, and sends it on demand', async () => {
  const merchant = await registerMerchant(simulator, { mchid: '1900000504' });
  const outTradeNo = await payOrder(merchant, { dropNotify: true });
  await advance(simulator, 60);
  expect(receiver.received).toHaveLength(0);
  const { body } = await get(simulator, '/sim/notifications');
  const held = (
    body as { notifications: { id: string; subject: string; state: string }[] }
  ).notifications.find((n) => n.subject === outTradeNo);
  expect(held?.state).toBe('dropped');
  const sent = await post(simulator, `/sim/notifications/${held?.id}/send`, {});
  expect(sent.status).toBe(200);
  const [received] = await receiver.waitFor(1);
  expect(received && kitVerifies(merchant, received).ok).toBe(true);
});
