import { createHmac } from 'node:crypto';
import { safeEqual } from './safe-equal';

/** Lowercase hex HMAC-SHA256; keys are used as raw UTF-8 strings. */
export function hmacSha256Hex(key: string, message: string): string {
  return createHmac('sha256', key).update(message, 'utf8').digest('hex');
}

/** paySig of wx.requestVirtualPayment: `hmac_sha256(AppKey, "requestVirtualPayment&" + signData)`. */
export function virtualPaySig(appKey: string, signData: string): string {
  return hmacSha256Hex(appKey, `requestVirtualPayment&${signData}`);
}

/**
 * pay_sig of a server-side virtual payment call or push: `hmac_sha256(AppKey, uri + "&" + body)`,
 * e.g. uri `/xpay/query_order`, or `/pay/virtual-notify` for this backend's delivery push.
 */
export function serverPaySig(appKey: string, uri: string, body: string): string {
  return hmacSha256Hex(appKey, `${uri}&${body}`);
}

/** User signature of wx.requestVirtualPayment: `hmac_sha256(session_key, signData)`, no prefix. */
export function userSignature(sessionKey: string, signData: string): string {
  return hmacSha256Hex(sessionKey, signData);
}

export function verifyHexSignature(actual: string, expected: string): boolean {
  return safeEqual(actual, expected);
}
