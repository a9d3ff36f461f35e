import { SimulatedCashier } from './cashier';
import { LoginService } from './login-service';
import type { PlatformContext } from './platform-context';
import { SimulatedVirtualPayment } from './virtual-payment';
import { SimulatedWeChatPay } from './wechat-pay';

/** Everything that stands in for WeChat: login, WeChat Pay, virtual payment and the cashier. */
export interface SimulatedPlatform {
  readonly login: LoginService;
  readonly wechatPay: SimulatedWeChatPay;
  readonly virtualPayment: SimulatedVirtualPayment;
  readonly cashier: SimulatedCashier;
}

export function createSimulatedPlatform(context: PlatformContext): SimulatedPlatform {
  const login = new LoginService(context.state, context.commit, context.config.now);
  const wechatPay = new SimulatedWeChatPay(context);
  const virtualPayment = new SimulatedVirtualPayment(context);
  const cashier = new SimulatedCashier(context, wechatPay, virtualPayment, login);
  return { login, wechatPay, virtualPayment, cashier };
}
