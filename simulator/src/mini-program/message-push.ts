import { createHash } from 'node:crypto';
import { randomString } from '../lib/ids';
import { unixSeconds } from '../lib/time';

/**
 * The mini program's message push signature (消息推送, plaintext mode): the Token, timestamp
 * and nonce sorted as strings, joined, SHA-1, lowercase hex.
 */
export function messagePushSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join(''), 'utf8').digest('hex');
}

/** `signature`, `timestamp` and `nonce` of one push, set on its URL (a fresh nonce each time). */
export function signPushUrl(url: URL, token: string, wallNowMs: number): void {
  const timestamp = String(unixSeconds(wallNowMs));
  const nonce = randomString(10, '0123456789');
  url.searchParams.set('signature', messagePushSignature(token, timestamp, nonce));
  url.searchParams.set('timestamp', timestamp);
  url.searchParams.set('nonce', nonce);
}

/** A push is acknowledged by a 200 whose body is `success` (B2b) … */
export function acknowledgedBySuccess(status: number, answer: string): boolean {
  return status === 200 && answer.trim() === 'success';
}

/** … or by a 200 whose JSON body has `ErrCode: 0` (virtual payment). */
export function acknowledgedByErrCode(status: number, answer: string): boolean {
  if (status !== 200) return false;
  try {
    return (JSON.parse(answer) as { ErrCode?: unknown } | null)?.ErrCode === 0;
  } catch {
    return false;
  }
}

/** `gh_` and 12 hex characters from the AppID: the mini program's original ID (`ToUserName`). */
export function originalIdOf(appid: string): string {
  return `gh_${createHash('sha1').update(appid, 'utf8').digest('hex').slice(0, 12)}`;
}
