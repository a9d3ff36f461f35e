import { createDecipheriv, createPrivateKey, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  decryptAeadAes256Gcm,
  encryptAeadAes256Gcm,
} from '../../demo-miniprogram/mock-backend/src/signing/aead-aes-256-gcm';
import {
  notificationSignatureMessage,
  signNotification,
  verifyNotificationSignature,
} from '../../demo-miniprogram/mock-backend/src/signing/notification-signature';

const docKeyPem = readFileSync(
  path.join(__dirname, '..', 'fixtures', 'vectors', 'wechatpay-doc-test-key.pem'),
  'utf8',
);
const docPrivateKey = createPrivateKey(docKeyPem);
const docPublicKey = createPublicKey(docPrivateKey);

describe('notification signature', () => {
  const body = '{"id":"EV-1","event_type":"TRANSACTION.SUCCESS"}';

  it('signs timestamp\\nnonce\\nbody\\n with SHA256withRSA (checked with node:crypto directly)', () => {
    const headers = signNotification(
      { timestamp: '1700000000', nonce: 'NONCE', body, serial: 'SERIAL' },
      docPrivateKey,
    );
    expect(headers['Wechatpay-Serial']).toBe('SERIAL');
    expect(headers['Wechatpay-Timestamp']).toBe('1700000000');
    const message = Buffer.from(`1700000000\nNONCE\n${body}\n`, 'utf8');
    expect(notificationSignatureMessage('1700000000', 'NONCE', body).equals(message)).toBe(true);
    expect(
      verify(
        'sha256',
        message,
        docPublicKey,
        Buffer.from(headers['Wechatpay-Signature'], 'base64'),
      ),
    ).toBe(true);
  });

  it('verifies only the exact bytes', () => {
    const headers = signNotification(
      { timestamp: '1700000000', nonce: 'NONCE', body, serial: 'S' },
      docPrivateKey,
    );
    const input = {
      timestamp: '1700000000',
      nonce: 'NONCE',
      body: Buffer.from(body),
      signature: headers['Wechatpay-Signature'],
    };
    expect(verifyNotificationSignature(input, docPublicKey)).toBe(true);
    expect(
      verifyNotificationSignature({ ...input, body: Buffer.from(`${body} `) }, docPublicKey),
    ).toBe(false);
    expect(verifyNotificationSignature({ ...input, nonce: 'OTHER' }, docPublicKey)).toBe(false);
    expect(verifyNotificationSignature({ ...input, timestamp: '1700000001' }, docPublicKey)).toBe(
      false,
    );
  });
});

describe('AEAD_AES_256_GCM resource', () => {
  const apiV3Key = '0123456789abcdef0123456789abcdef';

  it('appends the 16-byte tag to the Base64 ciphertext (decrypted with node:crypto directly)', () => {
    const sealed = encryptAeadAes256Gcm(apiV3Key, '{"ok":true}', 'abcdefghijkl', 'transaction');
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    expect(bytes.length).toBe('{"ok":true}'.length + 16);
    const decipher = createDecipheriv(
      'aes-256-gcm',
      Buffer.from(apiV3Key),
      Buffer.from('abcdefghijkl'),
    );
    decipher.setAAD(Buffer.from('transaction'));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(0, bytes.length - 16)),
      decipher.final(),
    ]);
    expect(plain.toString()).toBe('{"ok":true}');
    expect(decryptAeadAes256Gcm(apiV3Key, sealed)).toBe('{"ok":true}');
  });

  it('refuses a wrong key, nonce, associated data or a flipped bit', () => {
    const sealed = encryptAeadAes256Gcm(apiV3Key, 'secret', 'abcdefghijkl', 'transaction');
    expect(() => decryptAeadAes256Gcm('fedcba9876543210fedcba9876543210', sealed)).toThrow();
    expect(() => decryptAeadAes256Gcm(apiV3Key, { ...sealed, nonce: 'abcdefghijkm' })).toThrow();
    expect(() => decryptAeadAes256Gcm(apiV3Key, { ...sealed, associatedData: 'refund' })).toThrow();
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    expect(() =>
      decryptAeadAes256Gcm(apiV3Key, { ...sealed, ciphertext: bytes.toString('base64') }),
    ).toThrow();
    expect(() => decryptAeadAes256Gcm(apiV3Key, { ...sealed, ciphertext: 'AAAA' })).toThrow();
    expect(() => decryptAeadAes256Gcm('short', sealed)).toThrow(RangeError);
  });
});
