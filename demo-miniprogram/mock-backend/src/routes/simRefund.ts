import type { FastifyInstance } from 'fastify';
import type { BackendContext } from '../context';
import { ApiError } from '../httpErrors';
import { type NotifyPlanFields, notifyPlanOf, notifyPlanProperties } from './notifyPlan';

interface RefundBody extends NotifyPlanFields {
  readonly orderId: string;
}

const refundBodySchema = {
  type: 'object',
  required: ['orderId'],
  additionalProperties: false,
  properties: {
    orderId: { type: 'string', minLength: 1, maxLength: 64 },
    ...notifyPlanProperties,
  },
} as const;

/**
 * `POST /sim/refund { orderId }`: a full refund made on the platform side (as from the merchant
 * console); the merchant learns it from the refund notification.
 */
export function registerSimRefundRoute(app: FastifyInstance, context: BackendContext): void {
  app.post<{ Body: RefundBody }>(
    '/sim/refund',
    { schema: { body: refundBodySchema } },
    async (request) => {
      const { orderId } = request.body;
      const plan = notifyPlanOf(request.body, context.config);
      const { wechatPay, virtualPayment } = context.platform;
      const outcome = context.store.state.payments.has(orderId)
        ? await wechatPay.refund(orderId, plan)
        : await virtualPayment.refund(orderId, plan);
      if (outcome === 'unknown') {
        throw new ApiError(404, 'ORDER_NOT_FOUND', `the platform has no order ${orderId}`);
      }
      if (outcome === 'not-paid') {
        throw new ApiError(409, 'ORDER_NOT_PAID', `order ${orderId} is not paid on the platform`);
      }
      return { orderId, refunded: true };
    },
  );
}
