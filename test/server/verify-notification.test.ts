// verifyNotification: every refusal, with its status and code, and what it accepts.
import { createPublicKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { verifyNotification } from 'miniprogram-pay/server';
import {
  API_V3_KEY,
  CERT_PEM,
  CERT_PRIVATE_KEY,
  CERT_SERIAL,
  PLATFORM_KEYS,
  PUB_KEY_ID,
  PUB_KEY_PEM,
  PUB_KEY_PRIVATE_KEY,
  rawNotification,
  TRANSACTION,
} from './helpers/keys';

const NOW_S = 1_700_000_000;
const options = { platformKeys: PLATFORM_KEYS, apiV3Key: API_V3_KEY, now: () => NOW_S * 1000 };
const notification = rawNotification({ timestamp: NOW_S });
// biome-ignore lint/suspicious/noExplicitAny: misuse on purpose
const any = (value: unknown): any => value;

/** The same Base64 text with its first character changed. */
const flipFirst = (text: string) => (text.startsWith('A') ? 'B' : 'A') + text.slice(1);

function refusal(result: ReturnType<typeof verifyNotification>) {
  if (result.ok) throw new Error('expected a refusal');
  return { status: result.status, code: result.code, message: result.message };
}

/** The same headers with one changed or removed (undefined). */
function withHeader(name: string, value: string | undefined) {
  const headers: Record<string, string> = { ...notification.headers };
  delete headers[name];
  if (value !== undefined) headers[name] = value;
  return headers;
}

describe('verifyNotification accepts', () => {
  it('a notification signed with the WeChat Pay public key: the body and the decrypted resource', () => {
    const result = verifyNotification(notification, options);
    expect(result).toEqual({
      ok: true,
      notification: JSON.parse(notification.body),
      resource: TRANSACTION,
    });
  });

  it('a notification signed with the platform certificate, beside the public key (the migration)', () => {
    const byCertificate = rawNotification({
      timestamp: NOW_S,
      serial: CERT_SERIAL,
      privateKey: CERT_PRIVATE_KEY,
    });
    const byPublicKey = rawNotification({ timestamp: NOW_S });
    for (const signed of [byCertificate, byPublicKey, byCertificate]) {
      expect(verifyNotification(signed, options)).toMatchObject({
        ok: true,
        resource: TRANSACTION,
      });
    }
  });

  it('keys as KeyObjects, and a serial in another letter case', () => {
    const platformKeys = {
      [CERT_SERIAL.toLowerCase()]: new X509Certificate(CERT_PEM).publicKey,
      [PUB_KEY_ID]: createPublicKey(PUB_KEY_PEM),
    };
    const byCertificate = rawNotification({
      timestamp: NOW_S,
      serial: CERT_SERIAL,
      privateKey: CERT_PRIVATE_KEY,
    });
    expect(verifyNotification(byCertificate, { ...options, platformKeys }).ok).toBe(true);
    expect(verifyNotification(notification, { ...options, platformKeys }).ok).toBe(true);
  });

  it('headers as node:http gives them (lowercase, string[] values), as fetch Headers, or in any case', () => {
    const lower: IncomingHttpHeaders = {};
    for (const [name, value] of Object.entries(notification.headers))
      lower[name.toLowerCase()] = value;
    lower['wechatpay-nonce'] = [notification.headers['Wechatpay-Nonce'] as string];
    const upper = Object.fromEntries(
      Object.entries(notification.headers).map(([k, v]) => [k.toUpperCase(), v]),
    );
    const fetchHeaders = new Headers(notification.headers);
    for (const headers of [lower, upper, fetchHeaders, notification.headers]) {
      expect(verifyNotification({ headers, body: notification.body }, options).ok).toBe(true);
    }
  });

  it('the body as a Buffer, a Uint8Array view at an offset, or a string', () => {
    const bytes = Buffer.from(notification.body);
    const padded = new Uint8Array(bytes.length + 8);
    padded.set(bytes, 4);
    for (const body of [bytes, padded.subarray(4, 4 + bytes.length), notification.body]) {
      expect(verifyNotification({ headers: notification.headers, body }, options).ok).toBe(true);
    }
  });

  it('without Wechatpay-Signature-Type, and with an empty associated_data', () => {
    const plain = rawNotification({ timestamp: NOW_S, associatedData: '' });
    const headers: Record<string, string> = { ...plain.headers };
    delete headers['Wechatpay-Signature-Type'];
    expect(verifyNotification({ headers, body: plain.body }, options).ok).toBe(true);
  });

  it('a timestamp exactly 300 s old or ahead (whole seconds, as the WeChat Pay SDKs)', () => {
    for (const nowS of [NOW_S + 300, NOW_S - 300]) {
      expect(
        verifyNotification(notification, { ...options, now: () => nowS * 1000 + 999 }).ok,
      ).toBe(true);
    }
  });

  it('the real clock by default', () => {
    const fresh = rawNotification();
    expect(
      verifyNotification(fresh, { platformKeys: PLATFORM_KEYS, apiV3Key: API_V3_KEY }).ok,
    ).toBe(true);
  });
});

describe('verifyNotification refuses, 401', () => {
  it.each([
    [
      'a tampered body',
      { body: notification.body.replace('TRANSACTION.SUCCESS', 'TRANSACTION.SUCCEED') },
      'bad_signature',
    ],
    ['a body with one more space', { body: `${notification.body} ` }, 'bad_signature'],
    [
      'a re-serialised body',
      { body: JSON.stringify(JSON.parse(notification.body), null, 2) },
      'bad_signature',
    ],
    [
      'a signature of another key',
      rawNotification({ timestamp: NOW_S, privateKey: CERT_PRIVATE_KEY }),
      'bad_signature',
    ],
    [
      'a signature that is not Base64',
      { headers: withHeader('Wechatpay-Signature', 'not base64!') },
      'bad_signature',
    ],
    [
      'another nonce than signed',
      { headers: withHeader('Wechatpay-Nonce', 'other') },
      'bad_signature',
    ],
    [
      'an unknown serial',
      { headers: withHeader('Wechatpay-Serial', 'PUB_KEY_ID_UNKNOWN') },
      'unknown_serial',
    ],
    [
      'a serial that is a field of every object',
      { headers: withHeader('Wechatpay-Serial', 'constructor') },
      'unknown_serial',
    ],
    ['a timestamp 301 s old', rawNotification({ timestamp: NOW_S - 301 }), 'stale_timestamp'],
    ['a timestamp 301 s ahead', rawNotification({ timestamp: NOW_S + 301 }), 'stale_timestamp'],
    [
      'a timestamp that is not digits',
      { headers: withHeader('Wechatpay-Timestamp', '17e8') },
      'malformed_header',
    ],
    [
      'another signature type',
      { headers: withHeader('Wechatpay-Signature-Type', 'WECHATPAY2-SM2-WITH-SM3') },
      'unsupported_signature_type',
    ],
    [
      'no Wechatpay-Signature',
      { headers: withHeader('Wechatpay-Signature', undefined) },
      'missing_header',
    ],
    [
      'no Wechatpay-Timestamp',
      { headers: withHeader('Wechatpay-Timestamp', undefined) },
      'missing_header',
    ],
    ['no Wechatpay-Nonce', { headers: withHeader('Wechatpay-Nonce', undefined) }, 'missing_header'],
    [
      'an empty Wechatpay-Serial',
      { headers: withHeader('Wechatpay-Serial', '') },
      'missing_header',
    ],
    [
      'no headers of WeChat Pay at all',
      { headers: { 'content-type': 'application/json' } },
      'missing_header',
    ],
  ])('%s', (_name, change, code) => {
    const request = { ...notification, ...change };
    expect(refusal(verifyNotification(request, options))).toMatchObject({ status: 401, code });
  });

  it("WeChat Pay's signature probe (WECHATPAY/SIGNTEST/…), with a code of its own", () => {
    const probe = {
      ...notification,
      headers: withHeader('Wechatpay-Signature', 'WECHATPAY/SIGNTEST/ab+cd=='),
    };
    expect(refusal(verifyNotification(probe, options))).toEqual({
      status: 401,
      code: 'signature_probe',
      message: expect.stringContaining("WeChat Pay's signature probe"),
    });
    // The probe is told apart before anything else is looked at: even an unknown serial.
    const unknownSerial = {
      headers: { ...probe.headers, 'Wechatpay-Serial': 'PUB_KEY_ID_UNKNOWN' },
      body: notification.body,
    };
    expect(refusal(verifyNotification(unknownSerial, options)).code).toBe('signature_probe');
  });

  it('two different values of one header', () => {
    const headers = { ...notification.headers, 'wechatpay-serial': CERT_SERIAL };
    expect(
      refusal(verifyNotification({ headers, body: notification.body }, options)),
    ).toMatchObject({
      status: 401,
      code: 'duplicate_header',
    });
    const twice = { ...notification.headers, 'Wechatpay-Nonce': ['a', 'b'] };
    expect(
      refusal(verifyNotification({ headers: twice, body: notification.body }, options)).code,
    ).toBe('duplicate_header');
  });

  it('a header value that is not a string', () => {
    const headers = { ...notification.headers, 'Wechatpay-Timestamp': any(NOW_S) };
    expect(
      refusal(verifyNotification({ headers, body: notification.body }, options)),
    ).toMatchObject({
      status: 401,
      code: 'malformed_header',
    });
  });

  it('the key of the serial is unusable: a private key, an EC key, garbage', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    for (const bad of [
      PUB_KEY_PRIVATE_KEY,
      ec.publicKey,
      ec.publicKey.export({ type: 'spki', format: 'pem' }),
      ec.privateKey,
      '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
      42,
      null,
    ]) {
      const result = refusal(
        verifyNotification(notification, { ...options, platformKeys: { [PUB_KEY_ID]: any(bad) } }),
      );
      expect(result).toMatchObject({ status: 401, code: 'invalid_platform_key' });
      expect(result.message).not.toContain('BEGIN');
    }
  });

  it('a bad key for another serial does not matter', () => {
    const platformKeys = { ...PLATFORM_KEYS, OTHER: 'garbage' };
    expect(verifyNotification(notification, { ...options, platformKeys }).ok).toBe(true);
  });

  it.each([
    ['platformKeys missing', { platformKeys: undefined }],
    ['platformKeys an array', { platformKeys: [PUB_KEY_PEM] }],
    ['maxSkewSeconds negative', { maxSkewSeconds: -1 }],
    ['maxSkewSeconds NaN', { maxSkewSeconds: Number.NaN }],
    ['now not a function', { now: 5 }],
    [
      'now throwing',
      {
        now: () => {
          throw new Error('clock broke');
        },
      },
    ],
    ['now answering NaN', { now: () => Number.NaN }],
    ['now answering a string', { now: () => '1700000000000' }],
  ])('a broken option: %s (invalid_options)', (_name, change) => {
    const result = refusal(verifyNotification(notification, { ...options, ...any(change) }));
    expect(result).toMatchObject({ status: 401, code: 'invalid_options' });
  });

  it('a smaller window with maxSkewSeconds', () => {
    expect(
      refusal(
        verifyNotification(notification, {
          ...options,
          maxSkewSeconds: 10,
          now: () => (NOW_S + 11) * 1000,
        }),
      ).code,
    ).toBe('stale_timestamp');
    expect(
      verifyNotification(notification, {
        ...options,
        maxSkewSeconds: 10,
        now: () => (NOW_S + 10) * 1000,
      }).ok,
    ).toBe(true);
  });
});

describe('verifyNotification refuses, 400', () => {
  const signed = (changes: Parameters<typeof rawNotification>[0]) =>
    rawNotification({ timestamp: NOW_S, ...changes });

  it.each([
    [
      'a resource encrypted with another APIv3 key',
      signed({ apiV3Key: 'b'.repeat(32) }),
      'undecryptable_resource',
    ],
    [
      'a nonce of 11 bytes',
      signed({
        body: (r) => ({ id: '1', event_type: 'E', resource: { ...r, nonce: 'short_nonce' } }),
      }),
      'undecryptable_resource',
    ],
    [
      'a tampered ciphertext',
      signed({
        body: (r) => ({
          id: '1',
          event_type: 'E',
          resource: { ...r, ciphertext: flipFirst(r.ciphertext ?? '') },
        }),
      }),
      'undecryptable_resource',
    ],
    [
      'a ciphertext shorter than its tag',
      signed({
        body: (r) => ({ id: '1', event_type: 'E', resource: { ...r, ciphertext: 'AAAA' } }),
      }),
      'undecryptable_resource',
    ],
    [
      'other associated data',
      signed({
        body: (r) => ({ id: '1', event_type: 'E', resource: { ...r, associated_data: 'refund' } }),
      }),
      'undecryptable_resource',
    ],
    ['a plaintext that is not JSON', signed({ plaintext: 'not json' }), 'malformed_resource'],
    ['a body that is not JSON', signed({ body: () => undefined }), 'malformed_body'],
    ['a body that is a JSON array', signed({ body: () => [1] }), 'malformed_body'],
    [
      'a body without resource',
      signed({ body: () => ({ id: '1', event_type: 'E' }) }),
      'malformed_body',
    ],
    [
      'a body without id',
      signed({ body: (resource) => ({ event_type: 'E', resource }) }),
      'malformed_body',
    ],
    [
      'a summary that is a number',
      signed({ body: (resource) => ({ id: '1', event_type: 'E', summary: 1, resource }) }),
      'malformed_body',
    ],
    [
      'another algorithm',
      signed({
        body: (r) => ({ id: '1', event_type: 'E', resource: { ...r, algorithm: 'AES_128' } }),
      }),
      'malformed_body',
    ],
    [
      'a ciphertext that is a number',
      signed({ body: (r) => ({ id: '1', event_type: 'E', resource: { ...r, ciphertext: 5 } }) }),
      'malformed_body',
    ],
    [
      'associated_data that is a number',
      signed({
        body: (r) => ({ id: '1', event_type: 'E', resource: { ...r, associated_data: 5 } }),
      }),
      'malformed_body',
    ],
  ])('%s', (_name, request, code) => {
    expect(refusal(verifyNotification(request, options))).toMatchObject({ status: 400, code });
  });

  it('accepts associated_data null as empty', () => {
    const request = signed({
      associatedData: '',
      body: (r) => ({ id: '1', event_type: 'E', resource: { ...r, associated_data: null } }),
    });
    expect(verifyNotification(request, options).ok).toBe(true);
  });

  it.each([
    ['parsed JSON (express.json())', JSON.parse(notification.body)],
    ['undefined', undefined],
    ['a number', 42],
    ['an ArrayBuffer', new ArrayBuffer(4)],
  ])('a body that is %s: malformed_body, which says to pass the raw body', (_name, body) => {
    const result = refusal(
      verifyNotification({ headers: notification.headers, body: any(body) }, options),
    );
    expect(result).toMatchObject({ status: 400, code: 'malformed_body' });
    expect(result.message).toContain('raw body');
  });

  it('an APIv3 key of the wrong length or type (invalid_options), without showing it', () => {
    for (const apiV3Key of ['short-secret-key', 'x'.repeat(33), 42, undefined]) {
      const result = refusal(
        verifyNotification(notification, { ...options, apiV3Key: any(apiV3Key) }),
      );
      expect(result).toMatchObject({ status: 400, code: 'invalid_options' });
      expect(result.message).not.toContain('short-secret-key');
    }
  });

  it('a request that is not { headers, body }', () => {
    for (const request of [
      null,
      undefined,
      42,
      'body',
      { body: notification.body },
      { headers: 5, body: '' },
    ]) {
      expect(refusal(verifyNotification(any(request), options))).toMatchObject({
        status: 400,
        code: 'invalid_request',
      });
    }
  });
});

describe('messages', () => {
  it('say what was wrong, with the value received', () => {
    expect(
      refusal(verifyNotification(rawNotification({ timestamp: NOW_S - 301 }), options)).message,
    ).toBe(
      `Wechatpay-Timestamp ${NOW_S - 301} is 301 s old; at most 300 s either way is accepted.`,
    );
    expect(
      refusal(
        verifyNotification(
          { ...notification, headers: withHeader('Wechatpay-Serial', 'X1') },
          options,
        ),
      ).message,
    ).toBe(
      `Wechatpay-Serial "X1" names no key in options.platformKeys (known: ${CERT_SERIAL}, ${PUB_KEY_ID}).`,
    );
    expect(
      refusal(
        verifyNotification(
          { ...notification, headers: withHeader('Wechatpay-Signature', undefined) },
          options,
        ),
      ).message,
    ).toBe('the Wechatpay-Signature header is missing.');
    expect(
      refusal(verifyNotification(rawNotification({ timestamp: NOW_S + 400 }), options)).message,
    ).toContain('400 s in the future');
    expect(
      refusal(
        verifyNotification(notification, {
          ...options,
          now: () => {
            throw new Error('clock broke');
          },
        }),
      ).message,
    ).toBe('options.now() threw: Error: clock broke.');
  });
});
