import fp from 'fastify-plugin';
import { createMemoryStore, openFileStore, type StateStore } from '../storage/store';

declare module 'fastify' {
  interface FastifyInstance {
    /** Orders, sessions and the platform's records; `commit()` makes them durable. */
    readonly store: StateStore;
  }
}

/**
 * The state store: `<dataDir>/state.json`, or memory. Every request first takes in what other
 * instances sharing the data directory wrote. Flushed when the server closes.
 */
export default fp(
  async (fastify) => {
    const { dataDir } = fastify.config;
    const store = dataDir ? await openFileStore(dataDir) : createMemoryStore();
    fastify.decorate('store', store);
    fastify.addHook('onRequest', () => store.refresh());
    fastify.addHook('onClose', () => store.close());
  },
  { name: 'store', dependencies: ['config'], fastify: '5.x' },
);
