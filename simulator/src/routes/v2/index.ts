import type {
  FastifyError,
  FastifyInstance,
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
} from 'fastify';
import { toWeChatError } from '../../errors/describe-error';
import type { SimulatorServices } from '../../plugins/services';
import { refusalAnswer, takenAnswer, type V2Fieldset } from '../../v2/answers';
import { isV2Refusal, returnFail, type V2Refusal } from '../../v2/refusal';
import { readV2Request, type V2Request } from '../../v2/v2-request';
import { toV2Xml } from '../../v2/xml';
import { closeOrder, orderQuery, unifiedOrder } from './orders';

/** What an API v2 route does with a verified request: the fields of its answer. */
export type V2Handler = (request: V2Request, sim: SimulatorServices) => Promise<V2Fieldset>;

const XML_TYPE = 'text/xml; charset=utf-8';
const ROUTES: Readonly<Record<string, V2Handler>> = {
  '/unifiedorder': unifiedOrder,
  '/orderquery': orderQuery,
  '/closeorder': closeOrder,
};

/**
 * API v2 under `/pay` (WeChat Pay Global's institution mode), XML both ways. Every answer is
 * HTTP 200 XML, refusals included, as WeChat Pay answers: `return_code` FAIL (unsigned) for a
 * request it cannot take, `result_code` FAIL (signed) for one it refuses; never fastify's JSON.
 */
const v2Routes: FastifyPluginAsync = async (scope) => {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
  scope.setErrorHandler(answerOtherError);
  scope.setNotFoundHandler((request, reply) => {
    const path = (request.url.split('?')[0] ?? '').replace(/^\/pay/, '');
    if (Object.hasOwn(ROUTES, path)) {
      const refusal = returnFail(
        'REQUIRE_POST_METHOD',
        `${request.method} /pay${path} is not served; POST the parameters as XML.`,
      );
      return answerRefusal(request, reply, refusal);
    }
    noteCode(request, 'NOT_FOUND');
    const served = Object.keys(ROUTES)
      .map((route) => `POST /pay${route}`)
      .join(', ');
    return reply
      .code(404)
      .type(XML_TYPE)
      .send(
        toV2Xml({
          return_code: 'FAIL',
          return_msg: `The simulator serves no ${request.method} /pay${path}; its API v2 routes are ${served}.`,
        }),
      );
  });
  for (const [url, handler] of Object.entries(ROUTES)) serveV2(scope, url, handler);
};

/** A route that verifies the request, runs `handler`, and answers signed as the request was. */
function serveV2(scope: FastifyInstance, url: string, handler: V2Handler): void {
  scope.post(url, async (request, reply) => {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    let verified: V2Request;
    try {
      verified = readV2Request(raw, scope.sim.merchants);
    } catch (error) {
      if (!isV2Refusal(error)) throw error;
      request.sim.verdict = { verified: false, reason: error.message };
      return answerRefusal(request, reply, error);
    }
    request.sim.merchant = verified.merchant;
    request.sim.verdict = { verified: true };
    try {
      return reply.type(XML_TYPE).send(takenAnswer(verified, await handler(verified, scope.sim)));
    } catch (error) {
      if (!isV2Refusal(error)) throw error;
      return answerRefusal(request, reply, error, verified);
    }
  });
}

function answerRefusal(
  request: FastifyRequest,
  reply: FastifyReply,
  refusal: V2Refusal,
  verified?: V2Request,
): FastifyReply {
  noteCode(request, refusal.code);
  return reply.code(200).type(XML_TYPE).send(refusalAnswer(refusal, verified));
}

/**
 * What fastify refused before a route ran (a body over the limit, a broken Content-Type) as
 * `return_code` FAIL; a bug of the simulator as 500 SYSTEMERROR.
 */
function answerOtherError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const described = toWeChatError(error);
  if (described.statusCode >= 500) {
    request.log.error(error);
    noteCode(request, 'SYSTEMERROR');
    return reply
      .code(500)
      .type(XML_TYPE)
      .send(
        toV2Xml({
          return_code: 'FAIL',
          return_msg: '系统错误: the simulator failed; this is a bug in it.',
        }),
      );
  }
  return answerRefusal(request, reply, returnFail('PARAM_ERROR', described.message));
}

/** Tells the journal the refusal answered (a request refused while routing has no facts yet). */
function noteCode(request: FastifyRequest, code: string): void {
  if (request.sim) request.sim.errorCode = code;
}

export default v2Routes;
