import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './api-error';
import { describeError } from './describe-error';

/** Longest path quoted back in a message. */
const QUOTED_PATH_LENGTH = 120;

/**
 * fastify's `frameworkErrors`: errors the router raises before any route runs (a path that is
 * not valid percent-encoding, a path segment over `maxParamLength`), answered like every other
 * refusal.
 */
export function frameworkErrors(
  maxParamLength: number,
): (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void {
  return (error, request, reply) => {
    const path = quote(request.raw.url ?? '');
    if (error.code === 'FST_ERR_BAD_URL') {
      reply
        .code(400)
        .send(
          errorBody(
            'BAD_URL',
            `the path ${path} is not valid percent-encoding (a bad %-escape, an overlong UTF-8 sequence or a lone surrogate)`,
          ),
        );
      return;
    }
    if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
      reply
        .code(414)
        .send(
          errorBody(
            'URI_TOO_LONG',
            `the path ${path} has a segment over ${maxParamLength} characters`,
          ),
        );
      return;
    }
    const described = describeError(error);
    reply.code(described.status).send(errorBody(described.code, described.message));
  };
}

function quote(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.length > QUOTED_PATH_LENGTH ? `${path.slice(0, QUOTED_PATH_LENGTH)}…` : path;
}
