// The sign functions' defaults (timeStamp now, a 32-character nonceStr) and their TypeErrors:
// each names the bad argument and what was expected, in a sentence, and never shows a secret.
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import {
  signPayment,
  signPaymentV2,
  signV2Params,
  signVirtualPayment,
  signVirtualPaymentApi,
} from 'miniprogram-pay/server';
import { DOC_PRIVATE_KEY, DOC_PUBLIC_KEY } from './helpers/keys';

const NOW_MS = 1_700_000_123_456;

afterEach(() => jest.restoreAllMocks());

describe('defaults', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW_MS));

  it('signPayment: timeStamp is now in seconds, nonceStr 32 random [0-9A-Za-z], a paySign that verifies', () => {
    const params = signPayment({
      appId: 'wx1234',
      prepayId: 'wx2024pre',
      privateKey: DOC_PRIVATE_KEY,
    });
    expect(params.timeStamp).toBe('1700000123');
    expect(params.nonceStr).toMatch(/^[0-9A-Za-z]{32}$/);
    expect(params.package).toBe('prepay_id=wx2024pre');
    const message = `wx1234\n1700000123\n${params.nonceStr}\nprepay_id=wx2024pre\n`;
    expect(
      verify('sha256', Buffer.from(message), DOC_PUBLIC_KEY, Buffer.from(params.paySign, 'base64')),
    ).toBe(true);
  });

  it('signPaymentV2: the same defaults', () => {
    const params = signPaymentV2({
      appId: 'wx1234',
      prepayId: 'p1',
      key: 'k'.repeat(32),
      signType: 'MD5',
    });
    expect(params.timeStamp).toBe('1700000123');
    expect(params.nonceStr).toMatch(/^[0-9A-Za-z]{32}$/);
    expect(params.paySign).toMatch(/^[0-9A-F]{32}$/);
  });

  it('nonceStr differs at each call, and uses the whole alphabet', () => {
    const nonces = Array.from(
      { length: 200 },
      () => signPaymentV2({ appId: 'wx1', prepayId: 'p', key: 'k', signType: 'MD5' }).nonceStr,
    );
    expect(new Set(nonces).size).toBe(200);
    const characters = new Set(nonces.join(''));
    for (const sample of ['0', '9', 'A', 'Z', 'a', 'z']) expect(characters.has(sample)).toBe(true);
    expect(characters.size).toBe(62);
  });
});

type Case = [name: string, call: () => unknown, argument: string];

const good = { appId: 'wx1234', prepayId: 'wx2024pre', privateKey: DOC_PRIVATE_KEY };
const goodV2 = { appId: 'wx1234', prepayId: 'p', key: 'secret-v2-key', signType: 'MD5' as const };
const goodVirtual = {
  mode: 'short_series_coin' as const,
  signData: '{"a":1}',
  appKey: 'secret-app-key',
  sessionKey: 'secret-session',
};
const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
// biome-ignore lint/suspicious/noExplicitAny: misuse on purpose
const any = (value: unknown): any => value;

const cases: Case[] = [
  ['no options', () => signPayment(any(undefined)), 'its options'],
  ['appId missing', () => signPayment({ ...good, appId: any(undefined) }), 'appId'],
  ['appId with a space', () => signPayment({ ...good, appId: 'wx 1' }), 'appId'],
  ['prepayId a number', () => signPayment({ ...good, prepayId: any(42) }), 'prepayId'],
  [
    'prepayId with its prefix',
    () => signPayment({ ...good, prepayId: 'prepay_id=wx1' }),
    'prepayId',
  ],
  ['timeStamp a number', () => signPayment({ ...good, timeStamp: any(1700000000) }), 'timeStamp'],
  ['timeStamp not digits', () => signPayment({ ...good, timeStamp: '17e8' }), 'timeStamp'],
  ['nonceStr too long', () => signPayment({ ...good, nonceStr: 'x'.repeat(33) }), 'nonceStr'],
  ['nonceStr with a newline', () => signPayment({ ...good, nonceStr: 'a\nb' }), 'nonceStr'],
  ['privateKey missing', () => signPayment({ ...good, privateKey: any(undefined) }), 'privateKey'],
  [
    'privateKey a public key PEM',
    () =>
      signPayment({
        ...good,
        privateKey: any(createPublicKey(DOC_PRIVATE_KEY).export({ type: 'spki', format: 'pem' })),
      }),
    'privateKey',
  ],
  [
    'privateKey a broken PEM',
    () =>
      signPayment({
        ...good,
        privateKey: '-----BEGIN PRIVATE KEY-----\nsecretsecret\n-----END PRIVATE KEY-----',
      }),
    'privateKey',
  ],
  [
    'privateKey a public KeyObject',
    () => signPayment({ ...good, privateKey: createPublicKey(DOC_PRIVATE_KEY) }),
    'privateKey',
  ],
  ['privateKey an EC key', () => signPayment({ ...good, privateKey: ecKey }), 'privateKey'],
  [
    'privateKey an EC PEM',
    () => signPayment({ ...good, privateKey: any(ecKey.export({ type: 'pkcs8', format: 'pem' })) }),
    'privateKey',
  ],
  ['v2 without options', () => signPaymentV2(any(null)), 'its options'],
  ['v2 key empty', () => signPaymentV2({ ...goodV2, key: '' }), 'key'],
  ['v2 signType RSA', () => signPaymentV2({ ...goodV2, signType: any('RSA') }), 'signType'],
  ['v2 appId missing', () => signPaymentV2({ ...goodV2, appId: any(undefined) }), 'appId'],
  [
    'v2 params not an object',
    () => signV2Params(any('a=1'), { key: 'k', signType: 'MD5' }),
    'params',
  ],
  [
    'v2 params with an object value',
    () => signV2Params(any({ a: { b: 1 } }), { key: 'k', signType: 'MD5' }),
    'params.a',
  ],
  ['v2 params, no key', () => signV2Params({ a: '1' }, any({ signType: 'MD5' })), 'key'],
  ['virtual mode', () => signVirtualPayment({ ...goodVirtual, mode: any('coins') }), 'mode'],
  [
    'virtual signData not JSON',
    () => signVirtualPayment({ ...goodVirtual, signData: '{oops' }),
    'signData',
  ],
  [
    'virtual signData a JSON array',
    () => signVirtualPayment({ ...goodVirtual, signData: '[1]' }),
    'signData',
  ],
  [
    'virtual signData a number',
    () => signVirtualPayment({ ...goodVirtual, signData: any(5) }),
    'signData',
  ],
  [
    'virtual signData with a BigInt',
    () => signVirtualPayment({ ...goodVirtual, signData: { n: 1n } }),
    'signData',
  ],
  [
    'virtual appKey missing',
    () => signVirtualPayment({ ...goodVirtual, appKey: any(undefined) }),
    'appKey',
  ],
  [
    'virtual sessionKey empty',
    () => signVirtualPayment({ ...goodVirtual, sessionKey: '' }),
    'sessionKey',
  ],
  [
    'virtual API uri missing',
    () => signVirtualPaymentApi({ uri: any(undefined), body: '{}', appKey: 'k' }),
    'uri',
  ],
  [
    'virtual API sessionKey a number',
    () => signVirtualPaymentApi({ uri: '/x', body: '{}', appKey: 'k', sessionKey: any(1) }),
    'sessionKey',
  ],
];

describe('bad arguments throw a TypeError that names them', () => {
  it.each(cases)('%s', (_name, call, argument) => {
    let thrown: unknown;
    try {
      call();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    const { message } = thrown as TypeError;
    expect(message).toMatch(/^\[miniprogram-pay\/server\] \w+: /);
    expect(message).toContain(` ${argument} must be `);
    expect(message).toMatch(/; got .+\.$/);
    for (const secret of [
      'secretsecret',
      'secret-v2-key',
      'secret-app-key',
      'secret-session',
      'BEGIN',
    ]) {
      expect(message).not.toContain(secret);
    }
  });

  it('shows the value received when it is no secret', () => {
    expect(() => signPayment({ ...good, prepayId: 'prepay_id=wx1' })).toThrow(
      '[miniprogram-pay/server] signPayment: prepayId must be the prepay_id alone, without "prepay_id=" (the package adds it); got "prepay_id=wx1".',
    );
    expect(() => signPaymentV2({ ...goodV2, key: '' })).toThrow('got a string of 0 characters.');
  });
});
