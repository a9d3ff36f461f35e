import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ApiError } from '../../http/api-error';
import { notifyPlanOf, RefundBody } from '../../schemas/sim';

/**
 * `POST /sim/refund { orderId }`: a full refund made on the platform side (as from the merchant
 * console); the merchant learns it from the refund notification.
 */
const refundRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post('/sim/refund', { schema: { body: RefundBody } }, async (request) => {
    const { orderId } = request.body;
    const plan = notifyPlanOf(request.body, fastify.config);
    const { wechatPay, virtualPayment } = fastify.platform;
    const outcome = wechatPay.query(orderId)
      ? await wechatPay.refund(orderId, plan)
      : await virtualPayment.refund(orderId, plan);
    if (outcome === 'unknown') {
      throw new ApiError(404, 'ORDER_NOT_FOUND', `the platform has no order ${orderId}`);
    }
    if (outcome === 'not-paid') {
      throw new ApiError(409, 'ORDER_NOT_PAID', `order ${orderId} is not paid on the platform`);
    }
    return { orderId, refunded: true };
  });
};

export default refundRoutes;
