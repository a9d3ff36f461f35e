import { type KeyObject, verify } from 'node:crypto';
import { safeEqual } from '../domain/safe-equal';
import {
  signV2Params,
  signVirtualPayment,
  signVirtualPaymentApi,
  type V2SignType,
} from '../server-kit';

// What WeChat checks of the cashier's parameters before it opens the sheet: the verifying side
// of the merchant's signatures, which the server kit (the merchant's side) does not provide.
// Where a check is "sign again and compare", the kit signs.

/** The fields a mini program paySign covers (`signType` too, for v2). */
export interface PaySignFields {
  readonly appId: string;
  readonly timeStamp: string;
  readonly nonceStr: string;
  readonly package: string;
}

const CANONICAL_BASE64 = /^(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * API v3: Base64 SHA256withRSA over `appId\ntimeStamp\nnonceStr\npackage\n`, verified with the
 * merchant's public key. False for anything malformed; never throws.
 */
export function v3PaySignValid(
  fields: PaySignFields,
  paySign: string,
  merchantPublicKey: KeyObject,
): boolean {
  if (!CANONICAL_BASE64.test(paySign)) return false;
  const message = `${fields.appId}\n${fields.timeStamp}\n${fields.nonceStr}\n${fields.package}\n`;
  try {
    return verify(
      'sha256',
      Buffer.from(message, 'utf8'),
      merchantPublicKey,
      Buffer.from(paySign, 'base64'),
    );
  } catch {
    return false;
  }
}

/** API v2: the kit's v2 signature of the five fields, compared exactly (uppercase hex). */
export function v2PaySignValid(
  fields: PaySignFields & { readonly signType: V2SignType },
  paySign: string,
  v2ApiKey: string,
): boolean {
  const expected = signV2Params(
    {
      appId: fields.appId,
      nonceStr: fields.nonceStr,
      package: fields.package,
      signType: fields.signType,
      timeStamp: fields.timeStamp,
    },
    { key: v2ApiKey, signType: fields.signType },
  );
  return safeEqual(paySign, expected);
}

/**
 * Virtual payment paySig: `hmac_sha256(AppKey, "requestVirtualPayment&" + signData)`, which is
 * the kit's server API signature for the uri `requestVirtualPayment`. Checked before the user's
 * session is looked up, so it needs the AppKey alone. signData must be a JSON object string.
 */
export function virtualPaySigValid(signData: string, paySig: string, appKey: string): boolean {
  const expected = signVirtualPaymentApi({ uri: 'requestVirtualPayment', body: signData, appKey });
  return safeEqual(paySig, expected.paySig);
}

/** Virtual payment signature: `hmac_sha256(session_key, signData)`, as the kit signs it. */
export function virtualSignatureValid(
  input: Parameters<typeof signVirtualPayment>[0],
  signature: string,
): boolean {
  return safeEqual(signature, signVirtualPayment(input).signature);
}
