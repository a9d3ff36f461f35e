// Notifications forged with node:crypto alone, not with the server kit that the mock backend
// verifies with: a test that passes cannot be the kit agreeing with itself.
import { createCipheriv, createHmac, randomBytes, randomUUID, sign } from 'node:crypto';
import type { MockBackendKeys } from '../../../demo-miniprogram/mock-backend/src/keys/key-material';
import { loadKeys } from '../../../demo-miniprogram/mock-backend/src/keys/load-keys';

/** A Transaction plaintext for a paid order. */
export function paidTransaction(input: {
  appId: string;
  mchId: string;
  orderId: string;
  total: number;
  openid: string;
  transactionId?: string;
}): Record<string, unknown> {
  return {
    appid: input.appId,
    mchid: input.mchId,
    out_trade_no: input.orderId,
    transaction_id: input.transactionId ?? '4200000000000000000000000001',
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    bank_type: 'OTHERS',
    attach: '',
    success_time: '2024-01-01T12:00:00+08:00',
    payer: { openid: input.openid },
    amount: {
      total: input.total,
      payer_total: input.total,
      currency: 'CNY',
      payer_currency: 'CNY',
    },
  };
}

/** A TRANSACTION.SUCCESS body: the resource AEAD_AES_256_GCM with the APIv3 key, tag appended. */
export function notificationBody(apiV3Key: string, plaintext: object): string {
  const nonce = randomBytes(6).toString('hex');
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key), Buffer.from(nonce));
  cipher.setAAD(Buffer.from('transaction'));
  const sealed = Buffer.concat([
    cipher.update(JSON.stringify(plaintext), 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return JSON.stringify({
    id: randomUUID(),
    create_time: '2024-01-01T12:00:00+08:00',
    event_type: 'TRANSACTION.SUCCESS',
    resource_type: 'encrypt-resource',
    summary: '支付成功',
    resource: {
      original_type: 'transaction',
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: sealed.toString('base64'),
      associated_data: 'transaction',
      nonce,
    },
  });
}

/** A signed, encrypted v3 notification as the platform would send it (body + headers). */
export function forgePayNotification(
  keys: MockBackendKeys,
  plaintext: object,
  options: ForgeOptions = {},
): { body: string; headers: Record<string, string> } {
  const loaded = loadKeys(keys);
  const body = notificationBody(keys.apiV3Key, plaintext);
  const signed: ForgeOptions = options.withPublicKey
    ? {
        serial: loaded.wechatpayPublicKeyId,
        signingKeyPem: keys.wechatpayPublicKeyPrivateKeyPem,
        ...options,
      }
    : options;
  return { body, headers: signHeaders(keys, body, signed, loaded.platformSerial) };
}

export interface ForgeOptions {
  readonly timestampSeconds?: number;
  readonly serial?: string;
  readonly signingKeyPem?: string;
  /** Sign with the WeChat Pay public key's private half, serial `PUB_KEY_ID_…`. */
  readonly withPublicKey?: boolean;
}

/** SHA256withRSA over `timestamp\nnonce\nbody\n`, the platform certificate's key by default. */
export function signHeaders(
  keys: MockBackendKeys,
  body: string,
  options: ForgeOptions,
  platformSerial: string,
): Record<string, string> {
  const timestamp = String(options.timestampSeconds ?? Math.floor(Date.now() / 1000));
  const nonce = randomUUID().replace(/-/g, '');
  const message = Buffer.from(`${timestamp}\n${nonce}\n${body}\n`, 'utf8');
  const privateKey = options.signingKeyPem ?? keys.platformPrivateKeyPem;
  return {
    'content-type': 'application/json',
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': sign('sha256', message, privateKey).toString('base64'),
    'Wechatpay-Serial': options.serial ?? platformSerial,
    'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
  };
}

/**
 * A signed push body and its query string; pay_sig made with node:crypto, not with the code
 * under test: `hmac_sha256(AppKey of Env, "/pay/virtual-notify&" + body)`.
 */
export function forgeVirtualPush(
  keys: MockBackendKeys,
  push: Record<string, unknown>,
): { body: string; path: string } {
  const body = JSON.stringify(push);
  const appKey = push.Env === 1 ? keys.virtualAppKeySandbox : keys.virtualAppKeyProduction;
  const paySig = createHmac('sha256', appKey).update(`/pay/virtual-notify&${body}`).digest('hex');
  return { body, path: `/pay/virtual-notify?pay_sig=${paySig}` };
}
