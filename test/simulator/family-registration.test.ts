// POST /sim/merchants checks the payment family's objects: virtualPayment (offerId, the AppKey
// of each env, the push URL and Token, the goods for sale, the coin price) and b2b (its AppKeys,
// the push URL with its Token), refusing with 400 PARAM_ERROR naming the wrong field.
import type { Simulator } from '../../simulator/src/server';
import { B2B_KEYS, PUSH_TOKEN, VIRTUAL_KEYS } from './helpers/family';
import { merchantKeys } from './helpers/keys';
import { API_V3_KEY, APPID, MERCHANT_SERIAL, post, startTestSimulator } from './helpers/simulator';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startTestSimulator();
});
afterAll(async () => {
  await simulator.close();
});

const virtualPayment = {
  offerId: '1450000001',
  appKeys: VIRTUAL_KEYS,
  notifyUrl: 'https://merchant.example/pay/virtual-notify',
  messagePushToken: PUSH_TOKEN,
  goods: [{ productId: 'sword-skin', price: 600 }],
  coinPrice: 10,
};
const b2b = {
  appKeys: B2B_KEYS,
  notifyUrl: 'https://merchant.example/pay/b2b-notify',
  messagePushToken: PUSH_TOKEN,
};

function register(extra: Record<string, unknown>) {
  return post(simulator, '/sim/merchants', {
    mchid: '1900001201',
    appids: [APPID],
    merchantSerial: MERCHANT_SERIAL,
    merchantPublicKey: merchantKeys(0).publicKeyPem,
    apiV3Key: API_V3_KEY,
    ...extra,
  });
}

it('registers a merchant with virtual payment and B2b payment', async () => {
  expect((await register({ virtualPayment, b2b })).status).toBe(201);
  const { notifyUrl: _url, messagePushToken: _token, goods: _goods, ...least } = virtualPayment;
  expect((await register({ virtualPayment: least, b2b: { appKeys: B2B_KEYS } })).status).toBe(201);
});

it.each([
  ['virtualPayment', { virtualPayment: 'yes' }],
  ['virtualPayment.offerId', { virtualPayment: { ...virtualPayment, offerId: undefined } }],
  ['virtualPayment.offerId', { virtualPayment: { ...virtualPayment, offerId: '14500 01' } }],
  [
    'virtualPayment.appKeys.sandbox',
    { virtualPayment: { ...virtualPayment, appKeys: { production: 'key' } } },
  ],
  [
    'virtualPayment.notifyUrl',
    { virtualPayment: { ...virtualPayment, notifyUrl: 'ftp://merchant' } },
  ],
  [
    'virtualPayment.messagePushToken',
    { virtualPayment: { ...virtualPayment, messagePushToken: 'ab' } },
  ],
  [
    'virtualPayment.goods[0].price',
    { virtualPayment: { ...virtualPayment, goods: [{ productId: 'x', price: 0 }] } },
  ],
  ['virtualPayment.goods', { virtualPayment: { ...virtualPayment, goods: {} } }],
  ['virtualPayment.coinPrice', { virtualPayment: { ...virtualPayment, coinPrice: 0.5 } }],
  ['virtualPayment.appKey', { virtualPayment: { ...virtualPayment, appKey: 'key' } }],
  ['b2b.appKeys', { b2b: { ...b2b, appKeys: undefined } }],
  ['b2b.messagePushToken', { b2b: { ...b2b, messagePushToken: undefined } }],
  ['b2b.appKeys.sandbox', { b2b: { ...b2b, appKeys: { ...B2B_KEYS, sandbox: '' } } }],
])('refuses a wrong %s', async (field, extra) => {
  const answer = await register(extra);
  expect(answer.status).toBe(400);
  expect(answer.body).toEqual({
    code: 'PARAM_ERROR',
    message: expect.stringContaining(field),
    detail: { location: 'body', field },
  });
});
