import type { SimulatedB2bPayment } from './b2b-payment';
import type { LoginService } from './login-service';
import type { SimulatedMerchantTransfer } from './merchant-transfer';
import type { NotifyPlan } from './platform-context';
import type { SimulatedVirtualPayment } from './virtual-payment';
import type { SimulatedWeChatPay } from './wechat-pay';

/** What the user does at the cashier sheet (for a transfer: confirm, not now, or a failure). */
export const CASHIER_ACTIONS = ['pay', 'cancel', 'fail'] as const;
export type CashierAction = (typeof CASHIER_ACTIONS)[number];

/** The host APIs whose cashier is simulated: the whole payment family, as the library lists it. */
export {
  PAYMENT_APIS as CASHIER_APIS,
  type PaymentApi as CashierApi,
} from '../../../../src/core/payment-apis';

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

/** The platform's services the cashier acts through. */
export interface CashierServices {
  readonly login: LoginService;
  readonly wechatPay: SimulatedWeChatPay;
  readonly virtualPayment: SimulatedVirtualPayment;
  readonly b2bPayment: SimulatedB2bPayment;
  readonly transfers: SimulatedMerchantTransfer;
}
