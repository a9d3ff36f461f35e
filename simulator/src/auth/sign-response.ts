import { signSha256WithRsa } from '../crypto/rsa';
import { newNonce } from '../lib/ids';
import { unixSeconds } from '../lib/time';
import type { SigningKey } from '../merchants/platform-keys';

/** The headers that sign an answer or a notification. */
export interface WechatpaySignatureHeaders {
  readonly 'Wechatpay-Timestamp': string;
  readonly 'Wechatpay-Nonce': string;
  readonly 'Wechatpay-Signature': string;
  readonly 'Wechatpay-Serial': string;
  readonly 'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048';
}

/**
 * Signs `timestamp\nnonce\nbody\n` (an empty body line for a 204) with the platform key,
 * the timestamp being the wall clock's seconds.
 */
export function signatureHeaders(
  key: SigningKey,
  body: string,
  wallNowMs: number,
): WechatpaySignatureHeaders {
  const timestamp = String(unixSeconds(wallNowMs));
  const nonce = newNonce();
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': signSha256WithRsa(`${timestamp}\n${nonce}\n${body}\n`, key.privateKey),
    'Wechatpay-Serial': key.serial,
    'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
  };
}
