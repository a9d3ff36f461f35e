import type { FastifyPluginAsync } from 'fastify';

/**
 * `GET /dashboard/events`: server-sent events, a `snapshot` on every connection, then a
 * `change` per row that changed. `GET /dashboard/snapshot`: the same snapshot as JSON.
 */
const dashboardEventRoutes: FastifyPluginAsync = async (fastify) => {
  const { model, streams } = fastify.sim.dashboard;
  fastify.get('/dashboard/events', async (_request, reply) => {
    reply.hijack();
    streams.serve(reply.raw);
  });
  fastify.get('/dashboard/snapshot', async () => model.snapshot());
};

export default dashboardEventRoutes;
