import fp from 'fastify-plugin';
import { createMemoryStore, openFileStore } from '../store/store';
import { provide } from './services';

/** Reads the snapshot at start (with a data directory); the last write finishes at close. */
export default fp(
  async (fastify) => {
    const { dataDir } = fastify.sim.config;
    const store = dataDir === undefined ? createMemoryStore() : await openFileStore(dataDir);
    provide(fastify, 'store', store);
    fastify.addHook('onClose', async () => {
      await store.save();
      await store.close();
    });
  },
  { name: 'store', dependencies: ['config'], fastify: '5.x' },
);
