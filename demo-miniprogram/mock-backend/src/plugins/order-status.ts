import fp from 'fastify-plugin';
import { OrderStatusService } from '../merchant/order-status/order-status';

declare module 'fastify' {
  interface FastifyInstance {
    /** Status requests: long-poll, and the active query of a late notification. */
    readonly orderStatus: OrderStatusService;
  }
}

/** When the server closes, waiting requests are answered at once and query timers stop. */
export default fp(
  async (fastify) => {
    const { config, orders, watch } = fastify;
    const orderStatus = new OrderStatusService(orders, watch, {
      afterMs: config.activeQueryAfterMs,
      intervalMs: config.activeQueryIntervalMs,
      now: config.now,
    });
    fastify.decorate('orderStatus', orderStatus);
    fastify.addHook('preClose', async () => orderStatus.close());
  },
  { name: 'order-status', dependencies: ['config', 'order-book', 'order-watch'], fastify: '5.x' },
);
