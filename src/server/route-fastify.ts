import type { HttpResponseLike } from './route-http';
import { abortOnClose, splitUrl } from './route-path';

/** The part of a fastify request the route reads. */
export interface FastifyRequestLike {
  readonly params: unknown;
  readonly url: string;
}

/** The part of a fastify reply the route writes. */
export interface FastifyReplyLike {
  readonly raw: Pick<HttpResponseLike, 'writableFinished' | 'once' | 'removeListener'>;
  code(status: number): FastifyReplyLike;
  header(name: string, value: string): FastifyReplyLike;
  send(body: unknown): unknown;
  /** Hands the request to the not-found handler (an empty `:orderId`). */
  callNotFound(): void;
}

/** The part of a fastify instance the plugin uses. */
export interface FastifyLike {
  get(
    path: string,
    handler: (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<unknown>,
  ): unknown;
}

/** The fastify adapter: a plugin that adds the GET route; a `getOrder` error goes to fastify. */
export function fastifyPlugin(route: {
  readonly path: string;
  readonly answer: (request: {
    orderId: string;
    waitMs?: unknown;
    signal?: AbortSignal;
  }) => Promise<{ status: number; body: unknown }>;
}): (instance: FastifyLike) => Promise<void> {
  return async (instance) => {
    instance.get(route.path, async (request, reply) => {
      const { orderId } = request.params as { orderId?: string };
      if (!orderId) return reply.callNotFound();
      const closing = abortOnClose(reply.raw);
      try {
        const { status, body } = await route.answer({
          orderId,
          waitMs: splitUrl(request.url).waitMs,
          signal: closing.signal,
        });
        return reply.code(status).header('Cache-Control', 'no-store').send(body);
      } finally {
        closing.done();
      }
    });
  };
}
