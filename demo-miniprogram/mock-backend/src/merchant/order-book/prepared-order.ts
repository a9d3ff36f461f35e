import type { KeyObject } from 'node:crypto';
import type { VirtualProduct } from '../../domain/catalogue';
import { unixSeconds } from '../../domain/ids';
import { signPayment, signPaymentV2, signVirtualPayment } from '../../server-kit';
import type { PaymentProfile, VirtualMode, VirtualProfile } from '../../storage/state';
import type {
  CommonPaymentParams,
  MerchantTransferParams,
  OrderPaymentParams,
  PluginPaymentParams,
} from './family-params';

/** wx.requestPayment parameters. */
export interface PaymentParams {
  readonly timeStamp: string;
  readonly nonceStr: string;
  readonly package: string;
  readonly signType: 'RSA' | 'MD5' | 'HMAC-SHA256';
  readonly paySign: string;
}

/** A payment service provider's `metadata.wechatpay`: the package is under `pkg`. */
export interface PspPaymentParams {
  readonly timeStamp: string;
  readonly nonceStr: string;
  readonly pkg: string;
  readonly signType: 'RSA';
  readonly paySign: string;
}

/** wx.requestVirtualPayment parameters as WeChat documents them. */
export interface WechatVirtualParams {
  readonly mode: VirtualMode;
  readonly signData: string;
  readonly paySig: string;
  readonly signature: string;
}

/** The same as TCMPP's parameter table names them: `paySign`. */
export interface TcmppVirtualParams {
  readonly mode: VirtualMode;
  readonly signData: string;
  readonly paySign: string;
  readonly signature: string;
}

/** The answer of `POST /api/orders`: the kind of order says which host API opens `params`. */
export type PreparedOrder =
  | Prepared<'payment', PaymentParams | PspPaymentParams>
  | Prepared<'virtual', WechatVirtualParams | TcmppVirtualParams>
  | Prepared<'order', OrderPaymentParams>
  | Prepared<'common', CommonPaymentParams>
  | Prepared<'plugin', PluginPaymentParams>
  | Prepared<'transfer', MerchantTransferParams>;

interface Prepared<Kind extends string, Params> {
  readonly orderId: string;
  readonly kind: Kind;
  readonly params: Params;
  readonly amount: number;
}

export const PAYMENT_PROFILES: readonly PaymentProfile[] = [
  'wechat-v3',
  'wechat-v2-md5',
  'wechat-v2-hmac',
  'psp',
];
export const VIRTUAL_PROFILES: readonly VirtualProfile[] = ['wechat', 'tcmpp'];

export function signSchemeOf(profile: PaymentProfile): 'v3' | 'v2' {
  return profile === 'wechat-v2-md5' || profile === 'wechat-v2-hmac' ? 'v2' : 'v3';
}

/**
 * Signs wx.requestPayment parameters for a prepay_id with the server kit, in the shape the
 * profile names: v3 (`signPayment`), v3 with the package under `pkg` (a payment service
 * provider's `metadata.wechatpay`), or v2 MD5 / HMAC-SHA256 (`signPaymentV2`).
 */
export function signPaymentParams(input: {
  readonly profile: PaymentProfile;
  readonly appId: string;
  readonly prepayId: string;
  readonly nowMs: number;
  readonly merchantPrivateKey: KeyObject;
  readonly v2ApiKey: string;
}): PaymentParams | PspPaymentParams {
  const signed = {
    appId: input.appId,
    prepayId: input.prepayId,
    timeStamp: String(unixSeconds(input.nowMs)),
  };
  switch (input.profile) {
    case 'wechat-v3':
      return signPayment({ ...signed, privateKey: input.merchantPrivateKey });
    case 'psp': {
      const params = signPayment({ ...signed, privateKey: input.merchantPrivateKey });
      const { timeStamp, nonceStr, signType, paySign } = params;
      return { timeStamp, nonceStr, pkg: params.package, signType, paySign };
    }
    case 'wechat-v2-md5':
    case 'wechat-v2-hmac':
      return signPaymentV2({
        ...signed,
        key: input.v2ApiKey,
        signType: input.profile === 'wechat-v2-md5' ? 'MD5' : 'HMAC-SHA256',
      });
  }
}

/**
 * The signData string, signed byte for byte. TCMPP's table types buyQuantity as a string, so
 * the `tcmpp` profile sends it as one.
 */
export function buildSignData(input: {
  readonly product: VirtualProduct;
  readonly quantity: number;
  readonly orderId: string;
  readonly offerId: string;
  readonly env: 0 | 1;
  readonly profile: VirtualProfile;
}): string {
  const { product, quantity, profile } = input;
  const units = product.kind === 'coins' ? product.coins * quantity : quantity;
  const buyQuantity = profile === 'tcmpp' ? String(units) : units;
  const itemFields =
    product.kind === 'item' ? { productId: product.id, goodsPrice: product.price } : {};
  return JSON.stringify({
    offerId: input.offerId,
    buyQuantity,
    env: input.env,
    currencyType: product.currency,
    ...itemFields,
    outTradeNo: input.orderId,
    attach: `order:${input.orderId}`,
  });
}

/**
 * paySig with the AppKey and signature with the user's session_key (the kit's
 * `signVirtualPayment`), the pay signature named as the profile wants.
 */
export function signVirtualParams(input: {
  readonly profile: VirtualProfile;
  readonly mode: VirtualMode;
  readonly signData: string;
  readonly appKey: string;
  readonly sessionKey: string;
}): WechatVirtualParams | TcmppVirtualParams {
  const { mode, signData, paySig, signature } = signVirtualPayment(input);
  return input.profile === 'tcmpp'
    ? { mode, signData, paySign: paySig, signature }
    : { mode, signData, paySig, signature };
}
