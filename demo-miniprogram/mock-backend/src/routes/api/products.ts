import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CATALOGUE } from '../../domain/catalogue';

/** `GET /api/products` -> `{ products }`, prices in fen. */
const productRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/api/products', async () => ({ products: CATALOGUE }));
};

export default productRoutes;
