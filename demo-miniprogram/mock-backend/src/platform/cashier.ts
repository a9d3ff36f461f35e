import type { PlatformPayment } from '../storage/state';
import { requestCommonPayment } from './cashier-common-payment';
import { checkOrderInfo } from './cashier-order-info';
import { requestPluginPayment } from './cashier-plugin-payment';
import { v2PaySignValid, v3PaySignValid } from './cashier-signatures';
import { requestMerchantTransfer } from './cashier-transfer';
import type { CashierRequest, CashierServices } from './cashier-types';
import { requestVirtualPayment } from './cashier-virtual-payment';
import { type HostCallback, type PaymentCallbacks, paymentCallbacksOf } from './host-callbacks';
import type { PlatformContext } from './platform-context';

export {
  CASHIER_ACTIONS,
  CASHIER_APIS,
  type CashierAction,
  type CashierApi,
  type CashierRequest,
} from './cashier-types';

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
    private readonly services: CashierServices,
  ) {}

  /** wx.requestPayment. */
  requestPayment(request: CashierRequest): Promise<HostCallback> {
    return this.payPrepayId(request, paymentCallbacksOf('requestPayment'), undefined);
  }

  /**
   * wx.requestOrderPayment (custom transaction component): requestPayment's checks, then
   * `orderInfo`, when given, against the order of the prepay_id, and `extUserUin` a string.
   */
  requestOrderPayment(request: CashierRequest): Promise<HostCallback> {
    const answers = paymentCallbacksOf('requestOrderPayment');
    const { extUserUin } = request.params;
    if (extUserUin !== undefined && typeof extUserUin !== 'string') {
      return Promise.resolve(answers.wrongType('extUserUin', extUserUin));
    }
    return this.payPrepayId(request, answers, (payment, prepayId) => {
      if (request.params.orderInfo === undefined) return undefined;
      const field = checkOrderInfo(request.params.orderInfo, payment, prepayId);
      return field === undefined ? undefined : answers.badOrderInfo(field);
    });
  }

  /** wx.requestVirtualPayment; the pay signature may be named `paySig` or `paySign`. */
  requestVirtualPayment(request: CashierRequest): Promise<HostCallback> {
    return requestVirtualPayment(this.context, this.services, request);
  }

  /** wx.requestCommonPayment (B2b). */
  requestCommonPayment(request: CashierRequest): Promise<HostCallback> {
    return requestCommonPayment(this.context, this.services, request);
  }

  /** wx.requestPluginPayment, as the host's payment functional page runs it. */
  requestPluginPayment(request: CashierRequest): Promise<HostCallback> {
    return requestPluginPayment(this.services, request);
  }

  /** wx.requestMerchantTransfer: the page where the user confirms receipt. */
  requestMerchantTransfer(request: CashierRequest): Promise<HostCallback> {
    return requestMerchantTransfer(this.services, request);
  }

  private async payPrepayId(
    request: CashierRequest,
    answers: PaymentCallbacks,
    orderCheck: OrderCheck | undefined,
  ): Promise<HostCallback> {
    const { params } = request;
    const fields: Record<string, string> = {};
    for (const name of PAYMENT_PARAMS) {
      const value = params[name];
      if (typeof value !== 'string') return answers.wrongType(name, value);
      if (value === '') return answers.missing(name);
      fields[name] = value;
    }
    const { timeStamp = '', nonceStr = '', signType = '', paySign = '' } = fields;
    const packageValue = fields.package ?? '';
    const prepayId = PREPAY_PACKAGE.exec(packageValue)?.[1];
    const { wechatPay } = this.services;
    const payment = prepayId === undefined ? undefined : wechatPay.findByPrepayId(prepayId);
    if (!payment || prepayId === undefined) return answers.unknownPrepayId();
    if (signType !== 'RSA' && !isV2SignType(signType)) return answers.badSignType();
    const signed = { appId: this.context.config.appId, timeStamp, nonceStr, package: packageValue };
    const { keys } = this.context;
    const signatureValid =
      payment.signScheme === 'v3'
        ? signType === 'RSA' && v3PaySignValid(signed, paySign, keys.merchantPublicKey)
        : isV2SignType(signType) &&
          v2PaySignValid({ ...signed, signType }, paySign, keys.material.v2ApiKey);
    if (!signatureValid) return answers.badSignature();
    const refusal =
      this.paymentRefusal(payment, request.openid, answers) ?? orderCheck?.(payment, prepayId);
    if (refusal) return refusal;
    switch (request.action) {
      case 'cancel':
        return answers.cancel();
      case 'fail':
        await wechatPay.recordFailure(payment);
        return answers.failed();
      case 'pay':
        await wechatPay.recordSuccess(payment, request.plan);
        return answers.ok();
    }
  }

  private paymentRefusal(
    payment: PlatformPayment,
    openid: string | undefined,
    answers: PaymentCallbacks,
  ): HostCallback | undefined {
    switch (payment.tradeState) {
      case 'SUCCESS':
      case 'REFUND':
        return answers.alreadyPaid();
      case 'CLOSED':
      case 'REVOKED':
      case 'PAYERROR':
        return answers.closed();
      default:
        break;
    }
    if (this.services.wechatPay.isExpired(payment)) return answers.expired();
    if (openid !== undefined && openid !== payment.payerOpenid) return answers.payerMismatch();
    return undefined;
  }
}

/** A further check of the order a prepay_id names (requestOrderPayment's orderInfo). */
type OrderCheck = (payment: PlatformPayment, prepayId: string) => HostCallback | undefined;
