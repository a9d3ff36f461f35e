import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { describeError, errorBody } from './errors';

/**
 * `{ error: { code, message } }` for every refusal of the merchant's routes: 405 with Allow for
 * a known path and another method, 404 for an unknown path. Registered before the routes (it
 * watches them being added).
 */
async function errorHandling(fastify: FastifyInstance): Promise<void> {
  const routes: { method: string; pattern: RegExp }[] = [];
  fastify.addHook('onRoute', (route) => {
    const pattern = new RegExp(`^${route.url.replace(/:[^/]+/g, '[^/]+')}$`);
    for (const method of [route.method].flat()) routes.push({ method, pattern });
  });

  fastify.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = [...new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method))];
    if (allowed.length === 0)
      return reply.code(404).send(errorBody('NOT_FOUND', `no route ${request.method} ${path}`));
    const allow = allowed.join(', ');
    const message = `${request.method} ${path} is not allowed; use ${allow}`;
    return reply.code(405).header('allow', allow).send(errorBody('METHOD_NOT_ALLOWED', message));
  });

  fastify.setErrorHandler((error, request, reply) => {
    const described = describeError(error);
    if (described.status >= 500) request.log.error(error);
    return reply.code(described.status).send(errorBody(described.code, described.message));
  });
}

export default fp(errorHandling, { name: 'merchant-error-handling', fastify: '5.x' });
