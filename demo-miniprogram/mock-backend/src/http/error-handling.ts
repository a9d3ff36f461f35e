import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { errorBody } from './api-error';
import { describeError } from './describe-error';

/**
 * `{ error: { code, message } }` for every refusal; 405 with Allow for a known path with the
 * wrong method, 404 otherwise. Registered before the routes (it watches them being added).
 */
async function errorHandling(fastify: FastifyInstance): Promise<void> {
  const routes: { method: string; pattern: RegExp }[] = [];
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.push({ method, pattern: patternOf(route.url ?? '') });
  });

  fastify.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = [
      ...new Set(routes.filter((route) => route.pattern.test(path)).map((route) => route.method)),
    ];
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      const allow = allowed.join(', ');
      return reply
        .code(405)
        .header('allow', allow)
        .send(
          errorBody('METHOD_NOT_ALLOWED', `${request.method} ${path} is not allowed; use ${allow}`),
        );
    }
    return reply.code(404).send(errorBody('NOT_FOUND', `no route ${request.method} ${path}`));
  });

  fastify.setErrorHandler((error, request, reply) => {
    const described = describeError(error);
    if (described.status >= 500) request.log.error(error);
    return reply.code(described.status).send(errorBody(described.code, described.message));
  });
}

/** A route url (`/api/orders/:orderId`) as a pattern matching the paths it serves. */
function patternOf(url: string): RegExp {
  const escaped = url
    .split('/')
    .map((segment) =>
      segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${escaped}$`);
}

export default fp(errorHandling, { name: 'error-handling', fastify: '5.x' });
