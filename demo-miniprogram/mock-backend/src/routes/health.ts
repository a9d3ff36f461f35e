import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** `GET /health` -> `{ ok: true }`. */
const healthRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/health', async () => ({ ok: true }));
};

export default healthRoutes;
