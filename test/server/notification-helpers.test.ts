// What a mock platform or a test needs to produce notifications: createNotification,
// signNotification, encryptResource, and decryptResource for the merchant side.
import { createCipheriv, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import {
  createNotification,
  decryptResource,
  encryptResource,
  signNotification,
  verifyNotification,
} from 'miniprogram-pay/server';
import {
  API_V3_KEY,
  CERT_PRIVATE_KEY,
  CERT_SERIAL,
  PLATFORM_KEYS,
  PUB_KEY_ID,
  PUB_KEY_PRIVATE_KEY,
  TRANSACTION,
} from './helpers/keys';

const NOW_MS = 1_700_000_000_000;
const verifyOptions = { platformKeys: PLATFORM_KEYS, apiV3Key: API_V3_KEY, now: () => NOW_MS };
// biome-ignore lint/suspicious/noExplicitAny: misuse on purpose
const any = (value: unknown): any => value;

describe('createNotification', () => {
  it('builds what verifyNotification accepts: body, headers, the decrypted resource', () => {
    const created = createNotification({
      eventType: 'TRANSACTION.SUCCESS',
      resource: TRANSACTION,
      apiV3Key: API_V3_KEY,
      privateKey: PUB_KEY_PRIVATE_KEY,
      serial: PUB_KEY_ID,
      now: () => NOW_MS,
    });
    expect(created.headers).toMatchObject({
      'Content-Type': 'application/json',
      'Wechatpay-Timestamp': '1700000000',
      'Wechatpay-Serial': PUB_KEY_ID,
      'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
    });
    expect(created.notification).toMatchObject({
      create_time: '2023-11-15T06:13:20+08:00',
      event_type: 'TRANSACTION.SUCCESS',
      resource_type: 'encrypt-resource',
      summary: '支付成功',
      resource: {
        algorithm: 'AEAD_AES_256_GCM',
        associated_data: 'transaction',
        original_type: 'transaction',
      },
    });
    expect(created.notification.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(created.body)).toEqual(created.notification);
    const result = verifyNotification(created, verifyOptions);
    expect(result).toEqual({ ok: true, notification: created.notification, resource: TRANSACTION });
  });

  it('a refund, with its own summary, kind and id; signed with a certificate key', () => {
    const refund = { out_trade_no: 'MP1', refund_status: 'SUCCESS' };
    const created = createNotification({
      eventType: 'REFUND.SUCCESS',
      resource: JSON.stringify(refund),
      apiV3Key: API_V3_KEY,
      privateKey: createPrivateKey(CERT_PRIVATE_KEY),
      serial: CERT_SERIAL,
      resourceKind: 'refund',
      id: 'EV-1',
    });
    expect(created.notification).toMatchObject({
      id: 'EV-1',
      summary: '退款成功',
      resource: { original_type: 'refund' },
    });
    expect(
      verifyNotification(created, { platformKeys: PLATFORM_KEYS, apiV3Key: API_V3_KEY }),
    ).toMatchObject({
      ok: true,
      resource: refund,
    });
  });

  it('an event of its own gets its type as summary', () => {
    const created = createNotification({
      eventType: 'MCHTRANSFER.BILL.FINISHED',
      resource: {},
      apiV3Key: API_V3_KEY,
      privateKey: PUB_KEY_PRIVATE_KEY,
      serial: PUB_KEY_ID,
    });
    expect(created.notification.summary).toBe('MCHTRANSFER.BILL.FINISHED');
  });

  it.each([
    ['no options', undefined, 'its options'],
    ['eventType missing', { eventType: undefined }, 'eventType'],
    ['a resource that is a number', { resource: 5 }, 'resource'],
    ['an APIv3 key of 31 bytes', { apiV3Key: 'x'.repeat(31) }, 'apiV3Key'],
    [
      'a public key to sign with',
      { privateKey: createPublicKey(PUB_KEY_PRIVATE_KEY) },
      'privateKey',
    ],
    ['a serial with a space', { serial: 'A B' }, 'serial'],
    ['now not a function', { now: 5 }, 'now'],
    ['now answering NaN', { now: () => Number.NaN }, 'now()'],
    ['a summary that is a number', { summary: 5 }, 'summary'],
    ['a resourceKind that is a number', { resourceKind: 5 }, 'resourceKind'],
  ])('throws a TypeError for %s', (_name, change, argument) => {
    const base = {
      eventType: 'TRANSACTION.SUCCESS',
      resource: TRANSACTION,
      apiV3Key: API_V3_KEY,
      privateKey: PUB_KEY_PRIVATE_KEY,
      serial: PUB_KEY_ID,
    };
    const call = () =>
      createNotification(change === undefined ? any(undefined) : { ...base, ...any(change) });
    expect(call).toThrow(TypeError);
    expect(call).toThrow(
      new RegExp(
        `^\\[miniprogram-pay/server\\] createNotification: ${argument.replace(/[()]/g, '\\$&')} must be`,
      ),
    );
  });
});

describe('signNotification and encryptResource', () => {
  it('sign any exact body, a Uint8Array too', () => {
    const resource = encryptResource({
      apiV3Key: API_V3_KEY,
      plaintext: TRANSACTION,
      nonce: 'abcdefghijkl',
    });
    expect(resource.nonce).toBe('abcdefghijkl');
    const body = Buffer.from(
      JSON.stringify({ id: 'EV-2', event_type: 'TRANSACTION.SUCCESS', resource }),
    );
    const headers = signNotification({
      body,
      privateKey: PUB_KEY_PRIVATE_KEY,
      serial: PUB_KEY_ID,
      timestamp: '1700000000',
      nonce: 'n1',
    });
    expect(headers['Wechatpay-Nonce']).toBe('n1');
    expect(verifyNotification({ headers, body }, verifyOptions)).toMatchObject({
      ok: true,
      resource: TRANSACTION,
    });
  });

  it('agree byte for byte with node:crypto: the GCM ciphertext (tag appended), the RSA signature', () => {
    const ours = encryptResource({
      apiV3Key: API_V3_KEY,
      plaintext: TRANSACTION,
      nonce: 'nonce-123456',
    });
    const cipher = createCipheriv(
      'aes-256-gcm',
      Buffer.from(API_V3_KEY),
      Buffer.from('nonce-123456'),
    );
    cipher.setAAD(Buffer.from('transaction'));
    const sealed = Buffer.concat([
      cipher.update(JSON.stringify(TRANSACTION), 'utf8'),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    expect(ours.ciphertext).toBe(sealed.toString('base64'));
    const body = JSON.stringify({ id: 'EV-3', event_type: 'TRANSACTION.SUCCESS', resource: ours });
    const headers = signNotification({
      body,
      privateKey: CERT_PRIVATE_KEY,
      serial: CERT_SERIAL,
      timestamp: '1700000000',
      nonce: 'n2',
    });
    // SHA256withRSA (PKCS#1 v1.5) is deterministic: the same bytes, or a different message.
    const message = Buffer.from(`1700000000\nn2\n${body}\n`, 'utf8');
    expect(headers['Wechatpay-Signature']).toBe(
      sign('sha256', message, CERT_PRIVATE_KEY).toString('base64'),
    );
  });

  it.each([
    [
      'body an object',
      () => signNotification({ body: any({}), privateKey: PUB_KEY_PRIVATE_KEY, serial: 'S' }),
      'body',
    ],
    [
      'timestamp a number',
      () =>
        signNotification({
          body: '',
          privateKey: PUB_KEY_PRIVATE_KEY,
          serial: 'S',
          timestamp: any(1),
        }),
      'timestamp',
    ],
    [
      'nonce empty',
      () => signNotification({ body: '', privateKey: PUB_KEY_PRIVATE_KEY, serial: 'S', nonce: '' }),
      'nonce',
    ],
    [
      'a nonce of 11 bytes',
      () => encryptResource({ apiV3Key: API_V3_KEY, plaintext: '', nonce: 'x'.repeat(11) }),
      'nonce',
    ],
    [
      'plaintext a number',
      () => encryptResource({ apiV3Key: API_V3_KEY, plaintext: any(5) }),
      'plaintext',
    ],
    [
      'associatedData a number',
      () => encryptResource({ apiV3Key: API_V3_KEY, plaintext: '', associatedData: any(1) }),
      'associatedData',
    ],
    [
      'originalType a number',
      () => encryptResource({ apiV3Key: API_V3_KEY, plaintext: '', originalType: any(1) }),
      'originalType',
    ],
  ])('throw a TypeError for %s', (_name, call, argument) => {
    expect(call).toThrow(new RegExp(`^\\[miniprogram-pay/server\\] \\w+: ${argument} must be`));
  });
});

describe('decryptResource', () => {
  const resource = encryptResource({
    apiV3Key: API_V3_KEY,
    plaintext: 'hello',
    associatedData: 'certificate',
  });

  it('decrypts a resource, e.g. the encrypt_certificate of /v3/certificates', () => {
    expect(decryptResource({ apiV3Key: API_V3_KEY, resource })).toBe('hello');
    const noAad = encryptResource({ apiV3Key: API_V3_KEY, plaintext: 'x', associatedData: '' });
    const { associated_data: _dropped, ...withoutAad } = noAad;
    expect(decryptResource({ apiV3Key: API_V3_KEY, resource: withoutAad })).toBe('x');
  });

  it('throws an Error when it does not decrypt, a TypeError when the resource cannot be one', () => {
    expect(() => decryptResource({ apiV3Key: 'b'.repeat(32), resource })).toThrow(
      '[miniprogram-pay/server] decryptResource: the resource does not decrypt: the APIv3 key is wrong, or the ciphertext, nonce or associated data were tampered with.',
    );
    expect(() =>
      decryptResource({ apiV3Key: API_V3_KEY, resource: { ...resource, nonce: 'short' } }),
    ).toThrow(
      new TypeError(
        '[miniprogram-pay/server] decryptResource: resource.nonce must be a string of 12 bytes; got "short".',
      ),
    );
    expect(() =>
      decryptResource({ apiV3Key: API_V3_KEY, resource: { ...resource, ciphertext: 'AAAA' } }),
    ).toThrow(
      /^\[miniprogram-pay\/server\] decryptResource: resource\.ciphertext must be Base64 of the ciphertext and its 16-byte tag/,
    );
  });

  it.each([
    ['no options', undefined, 'its options'],
    ['apiV3Key short', { apiV3Key: 'short' }, 'apiV3Key'],
    ['resource missing', { resource: undefined }, 'resource'],
    ['ciphertext a number', { resource: { ...resource, ciphertext: 1 } }, 'resource.ciphertext'],
    ['nonce a number', { resource: { ...resource, nonce: 1 } }, 'resource.nonce'],
    [
      'associated_data a number',
      { resource: { ...resource, associated_data: 1 } },
      'resource.associated_data',
    ],
  ])('throws a TypeError for %s', (_name, change, argument) => {
    const call = () =>
      decryptResource(
        change === undefined ? any(undefined) : { apiV3Key: API_V3_KEY, resource, ...any(change) },
      );
    expect(call).toThrow(TypeError);
    expect(call).toThrow(`decryptResource: ${argument} must be`);
  });
});
