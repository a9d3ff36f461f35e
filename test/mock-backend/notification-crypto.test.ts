// What the simulated platform sends (signed and encrypted with the server kit), opened with
// node:crypto alone: the resource decrypts with the APIv3 key (tag appended), the signature
// over `timestamp\nnonce\nbody\n` verifies with the key its serial names, every attempt is
// signed afresh over the same body.
import { createDecipheriv, type KeyObject, verify } from 'node:crypto';
import { resolveConfig } from '../../demo-miniprogram/mock-backend/src/config/options';
import { loadKeys } from '../../demo-miniprogram/mock-backend/src/keys/load-keys';
import { createNotificationSigner } from '../../demo-miniprogram/mock-backend/src/platform/notifications/notification-signer';
import { payNotificationDelivery } from '../../demo-miniprogram/mock-backend/src/platform/notifications/pay-notification';
import type { PlatformContext } from '../../demo-miniprogram/mock-backend/src/platform/platform-context';
import { testKeys } from './helpers/test-keys';

const CLOCK_MS = 1_700_000_000_000;
const TRANSACTION = { out_trade_no: 'MP1', trade_state: 'SUCCESS', amount: { total: 100 } };

async function platform(mode: 'certificate' | 'public-key' | 'migration') {
  const keys = loadKeys(await testKeys());
  let coin = 0;
  const context = {
    keys,
    config: resolveConfig({ memory: true, now: () => CLOCK_MS }),
    // migration: certificate, public key, certificate, ...
    notificationSigner: createNotificationSigner(keys, mode, () => (coin++ % 2 ? 0.9 : 0.1)),
    merchantBaseUrl: () => 'http://merchant.test',
  } as unknown as PlatformContext;
  const publicKeys = new Map<string, KeyObject>([
    [keys.platformSerial, keys.platformPublicKey],
    [keys.wechatpayPublicKeyId, keys.wechatpayPublicKey],
  ]);
  return { keys, context, publicKeys };
}

function decrypt(apiV3Key: string, resource: Record<string, string>): string {
  const sealed = Buffer.from(resource.ciphertext ?? '', 'base64');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    Buffer.from(apiV3Key),
    Buffer.from(resource.nonce ?? ''),
  );
  decipher.setAAD(Buffer.from(resource.associated_data ?? ''));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(0, -16)), decipher.final()]).toString();
}

it('a payment notification: its resource decrypts, its signature verifies, as WeChat sends them', async () => {
  const { keys, context, publicKeys } = await platform('certificate');
  const delivery = payNotificationDelivery(
    context,
    'payment',
    'MP1',
    'TRANSACTION.SUCCESS',
    TRANSACTION,
  );
  const { url, headers, body } = delivery.request();
  expect(url).toBe('http://merchant.test/pay/notify');
  const notification = JSON.parse(body);
  expect(notification).toMatchObject({
    create_time: '2023-11-15T06:13:20+08:00',
    event_type: 'TRANSACTION.SUCCESS',
    resource_type: 'encrypt-resource',
    summary: '支付成功',
    resource: { algorithm: 'AEAD_AES_256_GCM', associated_data: 'transaction' },
  });
  expect(notification.resource.nonce).toHaveLength(12);
  expect(JSON.parse(decrypt(keys.material.apiV3Key, notification.resource))).toEqual(TRANSACTION);
  expect(headers).toMatchObject({
    'content-type': 'application/json',
    'Wechatpay-Timestamp': '1700000000',
    'Wechatpay-Serial': keys.platformSerial,
    'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
  });
  const message = `${headers['Wechatpay-Timestamp']}\n${headers['Wechatpay-Nonce']}\n${body}\n`;
  const signature = Buffer.from(headers['Wechatpay-Signature'] ?? '', 'base64');
  expect(
    verify(
      'sha256',
      Buffer.from(message),
      publicKeys.get(keys.platformSerial) as KeyObject,
      signature,
    ),
  ).toBe(true);
  expect(verify('sha256', Buffer.from(`${message} `), keys.platformPublicKey, signature)).toBe(
    false,
  );
});

it('a refund notification carries its own summary and resource kind', async () => {
  const { keys, context } = await platform('public-key');
  const delivery = payNotificationDelivery(context, 'refund', 'MP1', 'REFUND.SUCCESS', {
    refund_status: 'SUCCESS',
  });
  const { headers, body } = delivery.request();
  const notification = JSON.parse(body);
  expect(notification).toMatchObject({
    event_type: 'REFUND.SUCCESS',
    summary: '退款成功',
    resource: { original_type: 'refund', associated_data: 'refund' },
  });
  expect(JSON.parse(decrypt(keys.material.apiV3Key, notification.resource))).toEqual({
    refund_status: 'SUCCESS',
  });
  expect(headers['Wechatpay-Serial']).toBe(keys.wechatpayPublicKeyId);
});

it('each attempt is signed afresh over the same body, with the key its serial names (migration)', async () => {
  const { context, publicKeys } = await platform('migration');
  const delivery = payNotificationDelivery(
    context,
    'payment',
    'MP1',
    'TRANSACTION.SUCCESS',
    TRANSACTION,
  );
  const attempts = [delivery.request(), delivery.request(), delivery.request()];
  expect(new Set(attempts.map((attempt) => attempt.body)).size).toBe(1);
  expect(new Set(attempts.map((attempt) => attempt.headers['Wechatpay-Nonce'])).size).toBe(3);
  expect(new Set(attempts.map((attempt) => attempt.headers['Wechatpay-Serial'])).size).toBe(2);
  for (const { headers, body } of attempts) {
    const message = `${headers['Wechatpay-Timestamp']}\n${headers['Wechatpay-Nonce']}\n${body}\n`;
    const key = publicKeys.get(headers['Wechatpay-Serial'] ?? '') as KeyObject;
    expect(
      verify(
        'sha256',
        Buffer.from(message),
        key,
        Buffer.from(headers['Wechatpay-Signature'] ?? '', 'base64'),
      ),
    ).toBe(true);
  }
});
