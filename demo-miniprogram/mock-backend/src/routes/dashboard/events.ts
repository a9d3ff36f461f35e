import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DashboardEventsHeaders, DashboardEventsQuery } from '../../schemas/dashboard';

/**
 * `GET /dashboard/events`: server-sent events. A `snapshot` on every connection (with
 * `resumption`: new, reconnected, or restarted when Last-Event-ID is from before a restart),
 * then one `entry` per journal entry, each with `id: <bootId>-<seq>`.
 * `GET /dashboard/snapshot`: the same snapshot as JSON.
 */
const dashboardEventRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/dashboard/events',
    { schema: { querystring: DashboardEventsQuery, headers: DashboardEventsHeaders } },
    async (request, reply) => {
      reply.hijack();
      const lastEventId = request.headers['last-event-id'] || request.query.lastEventId;
      fastify.dashboardStreams.serve(reply.raw, lastEventId);
    },
  );

  fastify.get('/dashboard/snapshot', async () => fastify.dashboard.snapshot());
};

export default dashboardEventRoutes;
