import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACTION_IDS } from '../../dashboard/item';
import { OrderIdParams } from '../../schemas/api';

/**
 * `POST /dashboard/orders/:orderId/<action>`: the dashboard's buttons (deliver-notification,
 * drop-notification, replay-notification, refund, close). 200 `{ item }`, the row afterwards;
 * 404 ORDER_NOT_FOUND; 409 when the button does not apply to the order now.
 */
const dashboardActionRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  for (const action of ACTION_IDS) {
    fastify.post(
      `/dashboard/orders/:orderId/${action}`,
      { schema: { params: OrderIdParams } },
      async (request) => ({ item: await fastify.dashboard.act(request.params.orderId, action) }),
    );
  }
};

export default dashboardActionRoutes;
