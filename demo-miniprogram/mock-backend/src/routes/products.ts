import type { FastifyInstance } from 'fastify';
import { CATALOGUE } from '../catalogue';

/** `GET /api/products` -> `{ products }`, prices in fen. */
export function registerProductRoutes(app: FastifyInstance): void {
  app.get('/api/products', async () => ({ products: CATALOGUE }));
}
