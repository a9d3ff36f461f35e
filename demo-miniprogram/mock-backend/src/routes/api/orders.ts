import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MAX_STATUS_WAIT_MS } from '../../config/options';
import { CreateOrderBody, OrderIdParams, StatusQuery } from '../../schemas/api';

/** Create, read (long-poll) and close merchant orders. */
const orderRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { orders, orderStatus } = fastify;

  fastify.post('/api/orders', { schema: { body: CreateOrderBody } }, async (request, reply) => {
    const { productId, quantity, openid, profile } = request.body;
    const prepared = await orders.create({ productId, quantity: quantity ?? 1, openid, profile });
    return reply.code(201).send(prepared);
  });

  fastify.get(
    '/api/orders/:orderId',
    { schema: { params: OrderIdParams, querystring: StatusQuery } },
    async (request) => {
      const waitMs = Math.min(Number(request.query.waitMs ?? 0), MAX_STATUS_WAIT_MS);
      const askedAt = Date.now();
      const view = await orderStatus.status(request.params.orderId, waitMs);
      const heldMs = Date.now() - askedAt;
      fastify.journal.record(view.orderId, {
        type: 'status-query',
        waitMs,
        heldMs,
        state: view.state,
      });
      return view;
    },
  );

  fastify.post(
    '/api/orders/:orderId/close',
    { schema: { params: OrderIdParams } },
    async (request) => orders.close(orders.require(request.params.orderId)),
  );
};

export default orderRoutes;
