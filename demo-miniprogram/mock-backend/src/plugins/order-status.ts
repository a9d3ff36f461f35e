import fp from 'fastify-plugin';
import { OrderStatusService } from '../merchant/order-status/order-status';

declare module 'fastify' {
  interface FastifyInstance {
    /** Status requests: long-poll, and the active query of a late notification. */
    readonly orderStatus: OrderStatusService;
  }
}

/** Its query timers stop when the server closes. */
export default fp(
  async (fastify) => {
    const { config, orders, waiters } = fastify;
    const orderStatus = new OrderStatusService(orders, waiters, {
      afterMs: config.activeQueryAfterMs,
      intervalMs: config.activeQueryIntervalMs,
      now: config.now,
    });
    fastify.decorate('orderStatus', orderStatus);
    fastify.addHook('preClose', async () => orderStatus.close());
  },
  { name: 'order-status', dependencies: ['config', 'order-book', 'order-waiters'], fastify: '5.x' },
);
