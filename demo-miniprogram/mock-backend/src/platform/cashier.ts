import type { PlatformPayment, VirtualMode } from '../storage/state';
import {
  v2PaySignValid,
  v3PaySignValid,
  virtualPaySigValid,
  virtualSignatureValid,
} from './cashier-signatures';
import { type HostCallback, paymentCallbacks, virtualCallbacks } from './host-callbacks';
import type { LoginService } from './login-service';
import type { NotifyPlan, PlatformContext } from './platform-context';
import { checkSignData } from './sign-data';
import type { SimulatedVirtualPayment } from './virtual-payment';
import type { SimulatedWeChatPay } from './wechat-pay';

/** What the user does at the cashier sheet. */
export const CASHIER_ACTIONS = ['pay', 'cancel', 'fail'] as const;
export type CashierAction = (typeof CASHIER_ACTIONS)[number];

/** The host APIs whose cashier is simulated. */
export const CASHIER_APIS = ['requestPayment', 'requestVirtualPayment'] as const;

/** One use of the host's cashier sheet, with `params` exactly as the host received them. */
export interface CashierRequest {
  readonly params: Readonly<Record<string, unknown>>;
  /**
   * The user at the phone. When absent: the user the order was made for (the one logged in on
   * the phone), else the demo openid.
   */
  readonly openid: string | undefined;
  readonly action: CashierAction;
  readonly plan: NotifyPlan;
}

const PAYMENT_PARAMS = ['timeStamp', 'nonceStr', 'package', 'signType', 'paySign'] as const;
const PREPAY_PACKAGE = /^prepay_id=(.+)$/;

const isV2SignType = (value: string): value is 'MD5' | 'HMAC-SHA256' =>
  value === 'MD5' || value === 'HMAC-SHA256';

/**
 * The host's cashier: checks what WeChat checks, then acts as the user chose.
 * Every outcome, refusals included, is the callback object a real host would deliver.
 */
export class SimulatedCashier {
  constructor(
    private readonly context: PlatformContext,
    private readonly wechatPay: SimulatedWeChatPay,
    private readonly virtualPayment: SimulatedVirtualPayment,
    private readonly login: LoginService,
  ) {}

  /** wx.requestPayment. */
  async requestPayment(request: CashierRequest): Promise<HostCallback> {
    const { params } = request;
    const fields: Record<string, string> = {};
    for (const name of PAYMENT_PARAMS) {
      const value = params[name];
      if (typeof value !== 'string') return paymentCallbacks.wrongType(name, value);
      if (value === '') return paymentCallbacks.missing(name);
      fields[name] = value;
    }
    const { timeStamp = '', nonceStr = '', signType = '', paySign = '' } = fields;
    const packageValue = fields.package ?? '';
    const prepayId = PREPAY_PACKAGE.exec(packageValue)?.[1];
    const payment = prepayId === undefined ? undefined : this.wechatPay.findByPrepayId(prepayId);
    if (!payment) return paymentCallbacks.unknownPrepayId();
    if (signType !== 'RSA' && !isV2SignType(signType)) return paymentCallbacks.badSignType();
    const signed = { appId: this.context.config.appId, timeStamp, nonceStr, package: packageValue };
    const signatureValid =
      payment.signScheme === 'v3'
        ? signType === 'RSA' && v3PaySignValid(signed, paySign, this.context.keys.merchantPublicKey)
        : isV2SignType(signType) &&
          v2PaySignValid({ ...signed, signType }, paySign, this.context.keys.material.v2ApiKey);
    if (!signatureValid) return paymentCallbacks.badSignature();
    const refusal = this.paymentRefusal(payment, request.openid);
    if (refusal) return refusal;
    switch (request.action) {
      case 'cancel':
        return paymentCallbacks.cancel();
      case 'fail':
        await this.wechatPay.recordFailure(payment);
        return paymentCallbacks.failed();
      case 'pay':
        await this.wechatPay.recordSuccess(payment, request.plan);
        return paymentCallbacks.ok();
    }
  }

  /** wx.requestVirtualPayment; the pay signature may be named `paySig` or `paySign`. */
  async requestVirtualPayment(request: CashierRequest): Promise<HostCallback> {
    const { params } = request;
    const { signData, mode, signature } = params;
    const paySig = params.paySig ?? params.paySign;
    if (typeof signData !== 'string') return virtualCallbacks.wrongType('signData', signData);
    if (typeof mode !== 'string') return virtualCallbacks.wrongType('mode', mode);
    if (typeof paySig !== 'string') return virtualCallbacks.wrongType('paySig', paySig);
    if (typeof signature !== 'string') return virtualCallbacks.wrongType('signature', signature);
    if (mode !== 'short_series_goods' && mode !== 'short_series_coin') {
      return virtualCallbacks.badMode();
    }
    const check = checkSignData(signData, mode, this.context.config.offerId);
    if (!check.ok) return virtualCallbacks.badSignData();
    const appKey = this.context.keys.appKeyForEnv(check.fields.env);
    if (!virtualPaySigValid(signData, paySig, appKey)) return virtualCallbacks.badPaySig();
    const openid =
      request.openid ??
      this.context.state.orders.get(check.fields.outTradeNo)?.openid ??
      this.context.config.defaultOpenid;
    const sessionKey = this.login.sessionKeyOf(openid);
    if (sessionKey === undefined) return virtualCallbacks.sessionExpired();
    if (!virtualSignatureValid({ mode, signData, appKey, sessionKey }, signature)) {
      return virtualCallbacks.badSignature();
    }
    const existing = this.virtualPayment.find(check.fields.outTradeNo);
    if (existing && (existing.status !== 1 || existing.signData !== signData)) {
      return virtualCallbacks.outTradeNoReused();
    }
    if (existing && existing.openid !== openid) return virtualCallbacks.outTradeNoReused();
    if (request.action === 'cancel') return virtualCallbacks.cancel();
    const order = await this.virtualPayment.open({
      openid,
      mode: mode as VirtualMode,
      signData,
      fields: check.fields,
      unitPrice: check.unitPrice,
      total: check.total,
    });
    if (request.action === 'fail') return virtualCallbacks.failed();
    await this.virtualPayment.recordSuccess(order, request.plan);
    return virtualCallbacks.ok();
  }

  private paymentRefusal(
    payment: PlatformPayment,
    openid: string | undefined,
  ): HostCallback | undefined {
    switch (payment.tradeState) {
      case 'SUCCESS':
      case 'REFUND':
        return paymentCallbacks.alreadyPaid();
      case 'CLOSED':
      case 'REVOKED':
      case 'PAYERROR':
        return paymentCallbacks.closed();
      default:
        break;
    }
    if (this.wechatPay.isExpired(payment)) return paymentCallbacks.expired();
    if (openid !== undefined && openid !== payment.payerOpenid)
      return paymentCallbacks.payerMismatch();
    return undefined;
  }
}
