import { ApiError } from '../http/api-error';
import type { NotifyPlan } from './platform-context';
import type { SimulatedPlatform } from './simulated-platform';

/**
 * A full refund made on the platform side (as from the merchant console), then its
 * notification as planned: `POST /sim/refund` and the dashboard's Refund. Refused with 404
 * when the platform has no such order, 409 when it is not paid there, or is a transfer or a
 * B2b order (not refunded here).
 */
export async function refundAtPlatform(
  platform: SimulatedPlatform,
  orderId: string,
  plan: NotifyPlan,
): Promise<void> {
  const { wechatPay, virtualPayment, b2bPayment, transfers } = platform;
  if (transfers.find(orderId)) {
    throw new ApiError(
      409,
      'REFUND_NOT_APPLICABLE',
      `${orderId} is a merchant transfer: money sent to the user is not refunded; cancel the bill while it waits instead`,
    );
  }
  if (b2bPayment.find(orderId)) {
    throw new ApiError(
      409,
      'REFUND_NOT_APPLICABLE',
      `${orderId} is a B2b order: this mock does not simulate B2b refunds`,
    );
  }
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
