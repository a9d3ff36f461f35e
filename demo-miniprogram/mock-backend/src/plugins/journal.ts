import fp from 'fastify-plugin';
import { Journal } from '../journal/journal';

declare module 'fastify' {
  interface FastifyInstance {
    /** What happened to each order, as it happened (read by the dashboard). */
    readonly journal: Journal;
  }
}

export default fp(
  async (fastify) => {
    fastify.decorate('journal', new Journal());
  },
  { name: 'journal', fastify: '5.x' },
);
