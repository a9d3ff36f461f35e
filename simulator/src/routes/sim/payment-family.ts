import type { FastifyPluginAsync } from 'fastify';

/**
 * What the simulator holds of the rest of the payment family, as JSON for people and the
 * dashboard: virtual payment's orders (`GET /sim/virtual-orders`), B2b's
 * (`GET /sim/b2b-orders`) and users' login sessions (`GET /sim/sessions`: openid and when,
 * no session_key).
 */
const paymentFamilyRoutes: FastifyPluginAsync = async (fastify) => {
  const { virtualOrders, b2bOrders, sessions } = fastify.sim;
  fastify.get('/sim/virtual-orders', async () => ({ orders: virtualOrders.list() }));
  fastify.get('/sim/b2b-orders', async () => ({ orders: b2bOrders.list() }));
  fastify.get('/sim/sessions', async () => ({
    sessions: sessions.list().map(({ openid, createdAt }) => ({ openid, createdAt })),
  }));
};

export default paymentFamilyRoutes;
