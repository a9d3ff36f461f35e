import { ApiError } from '../http/api-error';
import type { NotifyPlan } from './platform-context';
import type { SimulatedPlatform } from './simulated-platform';

/**
 * A full refund made on the platform side (as from the merchant console), then its
 * notification as planned: `POST /sim/refund` and the dashboard's Refund. Refused with 404
 * when the platform has no such order, 409 when it is not paid there.
 */
export async function refundAtPlatform(
  platform: SimulatedPlatform,
  orderId: string,
  plan: NotifyPlan,
): Promise<void> {
  const { wechatPay, virtualPayment } = platform;
  const outcome = wechatPay.query(orderId)
    ? await wechatPay.refund(orderId, plan)
    : await virtualPayment.refund(orderId, plan);
  if (outcome === 'unknown') {
    throw new ApiError(404, 'ORDER_NOT_FOUND', `the platform has no order ${orderId}`);
  }
  if (outcome === 'not-paid') {
    throw new ApiError(409, 'ORDER_NOT_PAID', `order ${orderId} is not paid on the platform`);
  }
}
