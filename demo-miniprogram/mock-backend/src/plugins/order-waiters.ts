import fp from 'fastify-plugin';
import {
  createMemoryOrderWaiters,
  type OrderWaiters,
} from '../merchant/order-status/order-waiters';

declare module 'fastify' {
  interface FastifyInstance {
    /** Long-poll waiting: `wait(orderId, waitMs)`, `changed(orderId)`. */
    readonly waiters: OrderWaiters;
  }
}

/** Waiting status requests are answered at once when the server closes. */
export default fp(
  async (fastify) => {
    const waiters = createMemoryOrderWaiters();
    fastify.decorate('waiters', waiters);
    fastify.addHook('preClose', async () => waiters.close());
  },
  { name: 'order-waiters', fastify: '5.x' },
);
