import type { FastifyInstance } from 'fastify';

/**
 * Makes a plugin scope keep request bodies as raw bytes (any content type), as signature
 * verification over the exact body requires. The body limit still applies.
 */
export function acceptRawBody(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });
}

export function rawBodyOf(body: unknown): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.alloc(0);
}
