import { SimulatedB2bPayment } from './b2b-payment';
import { SimulatedCashier } from './cashier';
import { LoginService } from './login-service';
import { SimulatedMerchantTransfer } from './merchant-transfer';
import type { PlatformContext } from './platform-context';
import { SimulatedVirtualPayment } from './virtual-payment';
import { SimulatedWeChatPay } from './wechat-pay';

/**
 * Everything that stands in for WeChat: login, WeChat Pay (and its merchant transfers),
 * virtual payment, B2b payment and the cashier.
 */
export interface SimulatedPlatform {
  readonly login: LoginService;
  readonly wechatPay: SimulatedWeChatPay;
  readonly virtualPayment: SimulatedVirtualPayment;
  readonly b2bPayment: SimulatedB2bPayment;
  readonly transfers: SimulatedMerchantTransfer;
  readonly cashier: SimulatedCashier;
}

export function createSimulatedPlatform(context: PlatformContext): SimulatedPlatform {
  const login = new LoginService(context.state, context.commit, context.config.now);
  const services = {
    login,
    wechatPay: new SimulatedWeChatPay(context),
    virtualPayment: new SimulatedVirtualPayment(context),
    b2bPayment: new SimulatedB2bPayment(context),
    transfers: new SimulatedMerchantTransfer(context),
  };
  return { ...services, cashier: new SimulatedCashier(context, services) };
}
