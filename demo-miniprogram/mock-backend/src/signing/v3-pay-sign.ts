import type { KeyObject } from 'node:crypto';
import { signRsaSha256, verifyRsaSha256 } from './rsa-sha256';

/** What an API v3 paySign covers. signType ('RSA') is sent but not signed. */
export interface V3PaySignFields {
  readonly appId: string;
  readonly timeStamp: string;
  readonly nonceStr: string;
  readonly package: string;
}

/** `appId\ntimeStamp\nnonceStr\npackage\n`: every line ends with \n, the last one too. */
export function v3PaySignMessage(fields: V3PaySignFields): string {
  return `${fields.appId}\n${fields.timeStamp}\n${fields.nonceStr}\n${fields.package}\n`;
}

/** paySign = Base64(SHA256withRSA(message)) with the merchant's private key. */
export function signV3PaySign(fields: V3PaySignFields, merchantPrivateKey: KeyObject): string {
  return signRsaSha256(v3PaySignMessage(fields), merchantPrivateKey);
}

/** What WeChat checks with the merchant's public key before it shows the cashier. */
export function verifyV3PaySign(
  fields: V3PaySignFields,
  paySign: string,
  merchantPublicKey: KeyObject,
): boolean {
  return verifyRsaSha256(v3PaySignMessage(fields), paySign, merchantPublicKey);
}
