import type { KeyObject } from 'node:crypto';
import { verifySha256WithRsa } from '../crypto/rsa';
import { isV2SignType, v2SignatureValid } from '../crypto/v2-sign';

/** The fields a mini program's paySign covers. */
export interface PaySignFields {
  readonly appId: string;
  readonly timeStamp: string;
  readonly nonceStr: string;
  readonly package: string;
  readonly signType: string;
}

/**
 * API v3 (`signType` RSA): Base64 SHA256withRSA over `appId\ntimeStamp\nnonceStr\npackage\n`
 * by the merchant's key. False for anything malformed.
 */
export function v3PaySignValid(
  fields: PaySignFields,
  paySign: string,
  merchantKey: KeyObject,
): boolean {
  if (fields.signType !== 'RSA') return false;
  const message = `${fields.appId}\n${fields.timeStamp}\n${fields.nonceStr}\n${fields.package}\n`;
  return verifySha256WithRsa(message, paySign, merchantKey);
}

/** API v2 (`signType` MD5 or HMAC-SHA256): the v2 signature of the five fields, `signType` too. */
export function v2PaySignValid(
  fields: PaySignFields,
  paySign: string,
  v2Key: string | undefined,
): boolean {
  if (v2Key === undefined || !isV2SignType(fields.signType)) return false;
  const { appId, timeStamp, nonceStr, signType } = fields;
  return v2SignatureValid(
    { appId, timeStamp, nonceStr, package: fields.package, signType },
    paySign,
    v2Key,
    fields.signType,
  );
}
