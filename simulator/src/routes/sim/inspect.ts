import type { FastifyPluginAsync } from 'fastify';
import { Fields } from '../../validation/fields';

/**
 * What the simulator holds, as JSON for people and the dashboard: the newest API requests
 * with their verdicts (`GET /sim/requests?limit=`), every notification and its attempts
 * (`/sim/notifications`), the orders (`/sim/transactions`), the refunds (`/sim/refunds`) and
 * the tasks due on the test clock (`/sim/tasks`).
 */
const inspectRoutes: FastifyPluginAsync = async (fastify) => {
  const { journal, notifier, orders, refunds, scheduler } = fastify.sim;

  fastify.get('/sim/requests', async (request) => {
    const fields = Fields.of(request.query, 'query', 'query');
    const limitText = fields.optionalString('limit', {
      maxBytes: 7,
      pattern: { test: /^[1-9][0-9]*$/, says: 'a positive integer' },
    });
    return { requests: journal.requests(limitText === undefined ? undefined : Number(limitText)) };
  });
  fastify.get('/sim/notifications', async () => ({ notifications: notifier.list() }));
  fastify.get('/sim/transactions', async () => ({ transactions: orders.list() }));
  fastify.get('/sim/refunds', async () => ({ refunds: refunds.list() }));
  fastify.get('/sim/tasks', async () => ({ tasks: scheduler.pending() }));
};

export default inspectRoutes;
