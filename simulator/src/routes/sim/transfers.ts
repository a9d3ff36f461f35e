import type { FastifyPluginAsync } from 'fastify';

/** `GET /sim/transfers`: every merchant transfer bill, with its state and last cashier answer. */
const simTransferRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.get('/sim/transfers', async () => ({ transfers: fastify.sim.transfers.list() }));
};

export default simTransferRoutes;
