import { createHmac, createPrivateKey, randomUUID } from 'node:crypto';
import type { MockBackendKeys } from '../../../demo-miniprogram/mock-backend/src/keys/key-material';
import { loadKeys } from '../../../demo-miniprogram/mock-backend/src/keys/load-keys';
import { encryptedNotificationBody } from '../../../demo-miniprogram/mock-backend/src/platform/notifications/pay-notification';
import { signNotification } from '../../../demo-miniprogram/mock-backend/src/signing/notification-signature';

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

/** A signed, encrypted v3 notification as the platform would send it (body + headers). */
export function forgePayNotification(
  keys: MockBackendKeys,
  plaintext: object,
  options: ForgeOptions = {},
): { body: string; headers: Record<string, string> } {
  const loaded = loadKeys(keys);
  const body = JSON.stringify(
    encryptedNotificationBody(keys.apiV3Key, 'TRANSACTION.SUCCESS', plaintext, Date.now()),
  );
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

export function signHeaders(
  keys: MockBackendKeys,
  body: string,
  options: ForgeOptions,
  platformSerial: string,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    ...signNotification(
      {
        timestamp: String(options.timestampSeconds ?? Math.floor(Date.now() / 1000)),
        nonce: randomUUID().replace(/-/g, ''),
        body,
        serial: options.serial ?? platformSerial,
      },
      createPrivateKey(options.signingKeyPem ?? keys.platformPrivateKeyPem),
    ),
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
  return {
    body,
    path: `/pay/virtual-notify?pay_sig=${createHmac('sha256', appKey).update(`/pay/virtual-notify&${body}`).digest('hex')}`,
  };
}
