import fp from 'fastify-plugin';
import { OrderBook } from '../merchant/order-book/order-book';

declare module 'fastify' {
  interface FastifyInstance {
    /** The merchant's orders. */
    readonly orders: OrderBook;
  }
}

export default fp(
  async (fastify) => {
    const { config, store, keys, platform, watch, journal } = fastify;
    const orders = new OrderBook({
      state: store.state,
      commit: () => store.commit(),
      refresh: () => store.refresh(),
      config,
      keys,
      platform,
      watch,
      journal,
    });
    fastify.decorate('orders', orders);
  },
  {
    name: 'order-book',
    dependencies: ['config', 'store', 'keys', 'platform', 'order-watch', 'journal'],
    fastify: '5.x',
  },
);
