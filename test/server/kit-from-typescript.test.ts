// The server kit as a merchant writes it in strict TypeScript: an order type of their own, a
// Map or a database for getOrder, keys read from .pem files; and what a key of the wrong kind
// is told.
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { expectTypeOf } from 'expect-type';
import {
  createNotification,
  createOrderWatch,
  type OrderSnapshot,
  type OrderState,
  signNotification,
  signPayment,
  verifyNotification,
} from 'miniprogram-pay/server';
import {
  API_V3_KEY,
  CERT_PEM,
  CERT_SERIAL,
  DOC_PRIVATE_KEY,
  PUB_KEY_ID,
  PUB_KEY_PEM,
  PUB_KEY_PRIVATE_KEY,
  TRANSACTION,
} from './helpers/keys';

/** The merchant's own order, an interface with more than an OrderSnapshot has. */
interface Order {
  orderId: string;
  state: OrderState;
  amount: number;
}

const orders = new Map<string, Order>([['A', { orderId: 'A', state: 'paid', amount: 6800 }]]);

describe('an order type of your own', () => {
  it('is an OrderSnapshot, without an index signature; one without a state is not', () => {
    expectTypeOf<Order>().toExtend<OrderSnapshot>();
    expectTypeOf<{ orderId: string; amount: number }>().not.toExtend<OrderSnapshot>();
    const order = orders.get('A') as Order;
    const snapshot: OrderSnapshot = order;
    expect(snapshot).toBe(order);
  });

  it('getOrder may answer the order, undefined, or a promise of either', async () => {
    const fromMap = createOrderWatch({ getOrder: (id) => orders.get(id) });
    const fromDatabase = createOrderWatch({ getOrder: async (id) => orders.get(id) });
    for (const watch of [fromMap, fromDatabase]) {
      expect(await watch.wait('A', { waitMs: 0 })).toEqual({
        orderId: 'A',
        state: 'paid',
        amount: 6800,
      });
      expect(await watch.wait('B', { waitMs: 0 })).toBeUndefined();
    }
    // @ts-expect-error getOrder answers orders, not their ids
    expect(() => createOrderWatch({ getOrder: (id: string) => id })).not.toThrow();
  });

  it('a getOrder that answers at once is held like one that answers later', async () => {
    const pending = new Map<string, Order>([['P', { orderId: 'P', state: 'pending', amount: 1 }]]);
    const watch = createOrderWatch({ getOrder: (id) => pending.get(id) });
    const answer = watch.wait('P', { waitMs: 5000 });
    pending.set('P', { orderId: 'P', state: 'paid', amount: 1 });
    await watch.changed('P');
    expect(await answer).toEqual({ orderId: 'P', state: 'paid', amount: 1 });
  });
});

describe('keys read from .pem files: a Buffer wherever a PEM string is', () => {
  const pay = { appId: 'wx1', prepayId: 'p1', timeStamp: '1700000000', nonceStr: 'n' };

  it('signPayment signs the same with the Buffer as with the string', () => {
    const fromText = signPayment({ ...pay, privateKey: DOC_PRIVATE_KEY });
    const fromFile = signPayment({ ...pay, privateKey: Buffer.from(DOC_PRIVATE_KEY) });
    expect(fromFile.paySign).toBe(fromText.paySign);
  });

  it('signNotification, createNotification and verifyNotification take Buffers', () => {
    const headers = signNotification({
      body: '{}',
      privateKey: Buffer.from(PUB_KEY_PRIVATE_KEY),
      serial: PUB_KEY_ID,
    });
    const verified = verifyNotification(
      { headers, body: '{}' },
      { platformKeys: { [PUB_KEY_ID]: Buffer.from(PUB_KEY_PEM) }, apiV3Key: API_V3_KEY },
    );
    // The signature holds; '{}' is no notification body.
    expect(verified).toMatchObject({ ok: false, code: 'malformed_body' });
    const created = createNotification({
      eventType: 'TRANSACTION.SUCCESS',
      resource: TRANSACTION,
      apiV3Key: API_V3_KEY,
      privateKey: Buffer.from(PUB_KEY_PRIVATE_KEY),
      serial: PUB_KEY_ID,
    });
    const platformKeys = {
      [PUB_KEY_ID]: Buffer.from(PUB_KEY_PEM),
      [CERT_SERIAL]: Buffer.from(CERT_PEM),
    };
    expect(verifyNotification(created, { platformKeys, apiV3Key: API_V3_KEY })).toMatchObject({
      ok: true,
      resource: TRANSACTION,
    });
  });
});

describe('a key of the wrong kind says which it got', () => {
  const notification = {
    eventType: 'TRANSACTION.SUCCESS',
    resource: TRANSACTION,
    apiV3Key: API_V3_KEY,
    privateKey: PUB_KEY_PRIVATE_KEY,
    serial: PUB_KEY_ID,
  };
  const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const encrypted = createPrivateKey(PUB_KEY_PRIVATE_KEY).export({
    type: 'pkcs8',
    format: 'pem',
    cipher: 'aes-256-cbc',
    passphrase: 'secret',
  });

  it.each<[string, unknown, string]>([
    ['a public key PEM', PUB_KEY_PEM, "a public key, where the platform's private key is needed"],
    [
      'the same as a Buffer',
      Buffer.from(PUB_KEY_PEM),
      "a public key, where the platform's private key is needed",
    ],
    [
      'a certificate',
      CERT_PEM,
      "a certificate (it holds a public key), where the platform's private key is needed",
    ],
    [
      'a public KeyObject',
      createPublicKey(PUB_KEY_PRIVATE_KEY),
      "a public rsa KeyObject, where the platform's private key is needed",
    ],
    [
      'an EC private key',
      ecKey,
      "a private ec KeyObject, where the platform's private key is needed",
    ],
    [
      'an EC private key PEM',
      ecKey.export({ type: 'pkcs8', format: 'pem' }),
      'an ec private key, where an RSA key is needed',
    ],
    [
      'an encrypted private key PEM',
      encrypted,
      'an encrypted private key: decrypt it, or give a KeyObject',
    ],
    ['the APIv3 key', API_V3_KEY, 'a string of 32 characters that is no PEM key'],
    [
      'bytes that are no PEM',
      new Uint8Array([1, 2, 3]),
      'a Uint8Array of 3 bytes that is no PEM key',
    ],
  ])('createNotification, privateKey %s: got %s', (_name, privateKey, got) => {
    const call = () => createNotification({ ...notification, privateKey: privateKey as KeyObject });
    expect(call).toThrow(TypeError);
    expect(call).toThrow(
      new RegExp(
        `^\\[miniprogram-pay/server\\] createNotification: privateKey must be the platform's private key: .*; got ${got.replace(/[()]/g, '\\$&')}\\.$`,
      ),
    );
  });

  it('createNotification, apiV3Key given a PEM: says so, without showing it', () => {
    const call = () => createNotification({ ...notification, apiV3Key: PUB_KEY_PRIVATE_KEY });
    expect(call).toThrow(
      '[miniprogram-pay/server] createNotification: apiV3Key must be your APIv3 key (APIv3 密钥), a string of 32 bytes; got a PEM key, where the APIv3 key is needed.',
    );
  });

  it("signPayment names the merchant's key: a public key where it is needed", () => {
    const publicKey = createPublicKey(DOC_PRIVATE_KEY).export({ type: 'spki', format: 'pem' });
    expect(() =>
      signPayment({ ...{ appId: 'wx1', prepayId: 'p1' }, privateKey: publicKey }),
    ).toThrow('got a public key, where your merchant private key (apiclient_key.pem) is needed.');
  });

  it('the message never shows the key it refused', () => {
    let message = '';
    try {
      createNotification({
        ...notification,
        privateKey: '-----BEGIN PRIVATE KEY-----\nsecretsecret\n-----END PRIVATE KEY-----',
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/got a private key PEM that does not parse\.$/);
    expect(message).not.toContain('secretsecret');
  });
});
