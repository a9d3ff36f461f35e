import fp from 'fastify-plugin';
import { MAX_STATUS_WAIT_MS } from '../config/options';
import { viewOf } from '../merchant/order-book/order-view';
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

/** Long-poll through the server kit's `createOrderWatch`, reading the order book's orders. */
export default fp(
  async (fastify) => {
    const { store } = fastify;
    const watch = createOrderWatch({
      getOrder: async (orderId) => {
        const order = store.state.orders.get(orderId);
        return order && { ...viewOf(order) };
      },
      events: createMemoryEvents(),
      maxWaitMs: MAX_STATUS_WAIT_MS,
    });
    fastify.decorate('watch', watch);
  },
  { name: 'order-watch', dependencies: ['config', 'store'], fastify: '5.x' },
);
