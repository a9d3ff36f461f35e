import { type KeyObject, sign } from 'node:crypto';
import { type Pem, toPrivateKey } from './keys';
import { optionsOf, paymentFields } from './sign-fields';

/** Options of {@link signPayment}. */
export interface SignPaymentOptions {
  /** The AppID of the mini program the order was created for (`appid` of the JSAPI order). */
  readonly appId: string;
  /** The `prepay_id` that `POST /v3/pay/transactions/jsapi` answered. */
  readonly prepayId: string;
  /**
   * Your merchant API private key: `apiclient_key.pem` as a PEM string or as the Buffer
   * `readFileSync` gives, or a `KeyObject`.
   */
  readonly privateKey: Pem | KeyObject;
  /** Unix time in seconds, as a string. @default now */
  readonly timeStamp?: string;
  /** Random string, 32 characters at most. @default 32 random characters of [0-9A-Za-z] */
  readonly nonceStr?: string;
}

/** The parameters of `wx.requestPayment` for WeChat Pay API v3. */
export interface PaymentParams {
  readonly timeStamp: string;
  readonly nonceStr: string;
  /** `prepay_id=<prepayId>`. */
  readonly package: string;
  readonly signType: 'RSA';
  readonly paySign: string;
}

/**
 * Signs the parameters of `wx.requestPayment` for WeChat Pay API v3: `paySign` is the Base64
 * SHA256withRSA signature of `appId\ntimeStamp\nnonceStr\npackage\n` with your merchant key.
 * Hand the result to the mini program as `params` of a `PreparedOrder`.
 * Throws a TypeError naming a bad argument.
 *
 * @example
 * const params = signPayment({ appId, prepayId, privateKey: process.env.WECHATPAY_KEY_PEM })
 */
export function signPayment(options: SignPaymentOptions): PaymentParams {
  const api = 'signPayment';
  const input = optionsOf(api, options, '{ appId, prepayId, privateKey }');
  const fields = paymentFields(api, input);
  const key = toPrivateKey(
    input.privateKey,
    api,
    'privateKey',
    'your merchant private key (apiclient_key.pem)',
  );
  const message = `${fields.appId}\n${fields.timeStamp}\n${fields.nonceStr}\n${fields.package}\n`;
  const paySign = sign('sha256', Buffer.from(message, 'utf8'), key).toString('base64');
  return {
    timeStamp: fields.timeStamp,
    nonceStr: fields.nonceStr,
    package: fields.package,
    signType: 'RSA',
    paySign,
  };
}
