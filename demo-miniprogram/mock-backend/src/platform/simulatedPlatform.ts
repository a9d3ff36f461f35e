import { SimulatedCashier } from './cashier';
import type { PlatformContext } from './context';
import { LoginService } from './loginService';
import { SimulatedVirtualPayment } from './virtualPayment';
import { SimulatedWeChatPay } from './wechatPay';

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
