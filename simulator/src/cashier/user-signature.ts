import { hmacSha256Valid } from '../crypto/hmac';
import type { SessionBook } from '../mini-program/sessions';

/** Who pays, as far as the user signature (`signature`) tells. */
export type SignedUser =
  | { readonly kind: 'signed'; readonly openid: string }
  | { readonly kind: 'no-session' }
  | { readonly kind: 'bad-signature' };

/**
 * Checks `signature = hmac_sha256(session_key, signData)` for the user at the phone: `openid`
 * when known (the one /sim/cashier names, or the one the order was opened for), else whichever
 * user's session_key made it (the user the merchant signed for, as requestPayment's user is
 * the one the order was made for).
 */
export function checkUserSignature(
  sessions: SessionBook,
  signData: string,
  signature: string,
  openid: string | undefined,
): SignedUser {
  if (openid === undefined) {
    const signer = sessions.userWhoSigned(signData, signature);
    return signer === undefined ? { kind: 'bad-signature' } : { kind: 'signed', openid: signer };
  }
  const sessionKey = sessions.sessionKeyOf(openid);
  if (sessionKey === undefined) return { kind: 'no-session' };
  return hmacSha256Valid(sessionKey, signData, signature)
    ? { kind: 'signed', openid }
    : { kind: 'bad-signature' };
}
