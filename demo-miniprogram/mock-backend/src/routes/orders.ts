import type { FastifyInstance } from 'fastify';
import type { BackendContext } from '../context';
import { PAYMENT_PROFILES, VIRTUAL_PROFILES } from '../merchant/preparedOrder';
import { MAX_STATUS_WAIT_MS } from '../options';

interface CreateOrderBody {
  readonly productId: string;
  readonly quantity?: number;
  readonly openid?: string;
  readonly profile?: string;
}

const createOrderBodySchema = {
  type: 'object',
  required: ['productId'],
  properties: {
    productId: { type: 'string', minLength: 1, maxLength: 64 },
    quantity: { type: 'integer', minimum: 1, maximum: 99 },
    openid: { type: 'string', minLength: 1, maxLength: 128 },
    profile: { type: 'string', enum: [...PAYMENT_PROFILES, ...VIRTUAL_PROFILES] },
  },
} as const;

const orderIdParamsSchema = {
  type: 'object',
  required: ['orderId'],
  properties: { orderId: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

const statusQuerySchema = {
  type: 'object',
  properties: { waitMs: { type: 'string', pattern: '^[0-9]{1,9}$' } },
} as const;

/** Create, read (long-poll) and close merchant orders. */
export function registerOrderRoutes(app: FastifyInstance, context: BackendContext): void {
  app.post<{ Body: CreateOrderBody }>(
    '/api/orders',
    { schema: { body: createOrderBodySchema } },
    async (request, reply) => {
      const { productId, quantity, openid, profile } = request.body;
      const prepared = await context.orders.create({
        productId,
        quantity: quantity ?? 1,
        openid,
        profile,
      });
      return reply.code(201).send(prepared);
    },
  );

  app.get<{ Params: { orderId: string }; Querystring: { waitMs?: string } }>(
    '/api/orders/:orderId',
    { schema: { params: orderIdParamsSchema, querystring: statusQuerySchema } },
    async (request) => {
      const waitMs = Math.min(Number(request.query.waitMs ?? 0), MAX_STATUS_WAIT_MS);
      return context.orderStatus.status(request.params.orderId, waitMs);
    },
  );

  app.post<{ Params: { orderId: string } }>(
    '/api/orders/:orderId/close',
    { schema: { params: orderIdParamsSchema } },
    async (request) => context.orders.close(context.orders.require(request.params.orderId)),
  );
}
