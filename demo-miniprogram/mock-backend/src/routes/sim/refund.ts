import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refundAtPlatform } from '../../platform/refund-at-platform';
import { notifyPlanOf, RefundBody } from '../../schemas/sim';

/**
 * `POST /sim/refund { orderId }`: a full refund made on the platform side (as from the merchant
 * console); the merchant learns it from the refund notification.
 */
const refundRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post('/sim/refund', { schema: { body: RefundBody } }, async (request) => {
    const { orderId } = request.body;
    await refundAtPlatform(fastify.platform, orderId, notifyPlanOf(request.body, fastify.config));
    return { orderId, refunded: true };
  });
};

export default refundRoutes;
