import fp from 'fastify-plugin';
import { MAX_STATUS_WAIT_MS } from '../config/options';
import { viewOf } from '../merchant/order-book/order-view';
import { connectRedisEvents } from '../merchant/order-status/redis-order-events';
import { createMemoryEvents, createOrderWatch, type OrderWatch } from '../server-kit';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * The server kit's order watch: status requests `wait` on it, every change of an order
     * calls `changed(orderId)`.
     */
    readonly watch: OrderWatch;
  }
}

/**
 * Long-poll through the server kit's `createOrderWatch`. Its events are this process's memory,
 * or with `redisUrl` the kit's Redis events (closed with the server), so that a change applied
 * by another instance sharing the data directory wakes the requests held here; `getOrder`
 * then reads the order book after taking in what that instance wrote.
 */
export default fp(
  async (fastify) => {
    const { store, config } = fastify;
    let events = createMemoryEvents();
    if (config.redis) {
      const redis = await connectRedisEvents(config.redis.target, config.redis.shown);
      fastify.addHook('onClose', () => redis.close());
      events = redis.events;
    }
    const watch = createOrderWatch({
      getOrder: async (orderId) => {
        await store.refresh();
        const order = store.state.orders.get(orderId);
        return order && { ...viewOf(order) };
      },
      events,
      maxWaitMs: MAX_STATUS_WAIT_MS,
    });
    fastify.decorate('watch', watch);
  },
  { name: 'order-watch', dependencies: ['config', 'store'], fastify: '5.x' },
);
