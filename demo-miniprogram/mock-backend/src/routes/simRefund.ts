import type { FastifyInstance } from 'fastify';
import type { BackendContext } from '../context';
import { ApiError } from '../httpErrors';

interface RefundBody {
  readonly orderId: string;
  readonly notifyDelayMs?: number;
  readonly dropNotify?: boolean;
}

const refundBodySchema = {
  type: 'object',
  required: ['orderId'],
  additionalProperties: false,
  properties: {
    orderId: { type: 'string', minLength: 1, maxLength: 64 },
    notifyDelayMs: { type: 'integer', minimum: 0, maximum: 600_000 },
    dropNotify: { type: 'boolean' },
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
      const { orderId, notifyDelayMs, dropNotify } = request.body;
      const plan = {
        delayMs: notifyDelayMs ?? context.config.defaultNotifyDelayMs,
        drop: dropNotify ?? false,
      };
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
