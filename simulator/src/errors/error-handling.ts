import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { toV2Xml } from '../v2/xml';
import { toWeChatError } from './describe-error';
import { WeChatError } from './wechat-error';

/**
 * Every refusal in WeChat Pay's shape `{ code, message, detail? }`: errors thrown by routes,
 * fastify's own (bad JSON, body too large, wrong content type), 404 for a path no route
 * serves and 400 INVALID_REQUEST (with Allow; WeChat Pay's table of statuses has no 405) for a
 * served path asked with another method.
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
      const refusal = new WeChatError(
        400,
        'INVALID_REQUEST',
        `${request.method} ${path} is not served; use ${allow}.`,
      );
      noteRefusal(request, reply, refusal.code);
      return reply.code(refusal.statusCode).header('allow', allow).send(refusal.body());
    }
    const refusal = new WeChatError(
      404,
      'NOT_FOUND',
      `The simulator serves no ${request.method} ${path}; see its README for the routes it serves.`,
    );
    noteRefusal(request, reply, refusal.code);
    return reply.code(404).send(refusal.body());
  });

  fastify.setErrorHandler(answerError);
}

/** Answers any error WeChat-shaped (also fastify's `frameworkErrors`). */
export function answerError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const refusal = toWeChatError(error);
  if (refusal.statusCode >= 500) request.log.error(error);
  noteRefusal(request, reply, refusal.code);
  // A URL refused before routing still gets its protocol's shape: API v2 answers XML.
  if (request.url.startsWith(API_V2_PREFIX)) {
    return reply
      .code(refusal.statusCode)
      .type('text/xml; charset=utf-8')
      .send(toV2Xml({ return_code: 'FAIL', return_msg: refusal.message }));
  }
  return reply.code(refusal.statusCode).send(refusal.body());
}

/** Where API v2 (XML) is served. */
const API_V2_PREFIX = '/pay/';

/**
 * Tells the journal which refusal was answered. A refusal made while routing (a bad URL) comes
 * before the hooks that set `request.sim` and `Request-ID`: those are set here.
 */
function noteRefusal(request: FastifyRequest, reply: FastifyReply, code: string): void {
  if (request.sim) {
    request.sim.errorCode = code;
    return;
  }
  request.sim = { merchant: null, verdict: { verified: undefined }, errorCode: code };
  reply.header('Request-ID', request.id);
}

/** A route url (`/v3/refund/domestic/refunds/:no`) as a pattern matching the paths it serves. */
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
