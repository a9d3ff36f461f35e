import * as path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** The page's files: plain HTML, CSS and ES modules, served as they are (no build step). */
export const DASHBOARD_ASSETS_DIR = path.resolve(__dirname, '..', '..', '..', 'dashboard');

/** Only this server: no CDN, no external font, nothing inline. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'";

/** `GET /`: the dashboard page; `/dashboard/assets/*`: its scripts and styles. */
const dashboardPageRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  await fastify.register(fastifyStatic, {
    root: DASHBOARD_ASSETS_DIR,
    prefix: '/dashboard/assets/',
    index: false,
    cacheControl: false,
  });
  fastify.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  });
  fastify.get('/', async (_request, reply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html'),
  );
};

export default dashboardPageRoutes;
