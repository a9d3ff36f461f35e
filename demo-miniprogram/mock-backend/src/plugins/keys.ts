import fp from 'fastify-plugin';
import type { LoadedKeys } from '../keys/load-keys';
import { resolveKeys } from '../keys/resolve-keys';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every key in use, parsed. */
    readonly keys: LoadedKeys;
  }
}

/** Keys from the options, `<dataDir>/keys.json`, or generated (into the store's directory). */
export default fp(
  async (fastify) => {
    fastify.decorate('keys', await resolveKeys(fastify.config.keys, fastify.config.dataDir));
  },
  // The store creates the data directory that generated keys are written to.
  { name: 'keys', dependencies: ['config', 'store'], fastify: '5.x' },
);
