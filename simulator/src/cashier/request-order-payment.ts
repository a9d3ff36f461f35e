import type { SimulatorServices } from '../plugins/services';
import type { CashierRequest } from './cashier';
import { badOrderInfo } from './family-callbacks';
import { type HostCallback, wrongType } from './host-callbacks';
import { orderInfoMismatch } from './order-info';
import { requestPayment } from './request-payment';

/**
 * wx.requestOrderPayment's cashier (the custom transaction component): `extUserUin` a string
 * when given, then everything requestPayment checks (its answers under this API's name), then
 * `orderInfo`, when given, against the order of the prepay_id.
 */
export function requestOrderPayment(
  request: CashierRequest,
  sim: SimulatorServices,
): Promise<HostCallback> {
  const { extUserUin, orderInfo } = request.params;
  if (extUserUin !== undefined && typeof extUserUin !== 'string') {
    return Promise.resolve(wrongType(request.api, 'extUserUin', extUserUin, 702001));
  }
  return requestPayment(request, sim, (order, prepayId) => {
    if (orderInfo === undefined) return undefined;
    const field = orderInfoMismatch(orderInfo, order, prepayId);
    return field === undefined ? undefined : badOrderInfo(request.api, field);
  });
}
