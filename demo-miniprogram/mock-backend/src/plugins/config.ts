import fp from 'fastify-plugin';
import type { BackendConfig } from '../config/options';

declare module 'fastify' {
  interface FastifyInstance {
    /** The options of `startMockBackend`, defaults filled in and checked. */
    readonly config: BackendConfig;
  }
}

export interface ConfigPluginOptions {
  readonly config: BackendConfig;
}

export default fp<ConfigPluginOptions>(
  async (fastify, options) => {
    fastify.decorate('config', options.config);
  },
  { name: 'config', fastify: '5.x' },
);
