import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isWeChatError, WeChatError } from '../errors/wechat-error';
import type { Merchant } from '../merchants/merchant';
import { signingKeyFor } from '../merchants/signing-key';
import { refuseDeepJson, utf8Text } from '../validation/json-text';
import { signatureHeaders } from './sign-response';
import { verifyRequest } from './verify-request';

const JSON_TYPE = /^application\/json\s*(?:;|$)/i;
const BODY_METHODS = ['POST', 'PUT', 'PATCH'];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A POST of this route may come without a body (WeChat Pay allows it, e.g. to cancel a transfer bill). */
    emptyBodyAllowed?: boolean;
  }
}

/**
 * Makes a plugin scope speak API v3: bodies are kept as raw bytes, every request's
 * Authorization is verified over them before anything else (401 SIGN_ERROR), the body is then
 * parsed as JSON (400 PARAM_ERROR), and every 2xx answer is signed with the platform key the
 * request's `Wechatpay-Serial` names, else per the merchant's signing mode.
 */
export function useV3Auth(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });

  scope.addHook('preHandler', async (request) => {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    try {
      request.sim.merchant = verifyRequest(
        {
          method: request.method,
          url: request.raw.url ?? request.url,
          authorization: request.headers.authorization,
          body: raw,
        },
        scope.sim.merchants,
        scope.sim.clock.wallNow(),
      );
    } catch (error) {
      const reason = isWeChatError(error) ? error.message : 'the signature could not be checked';
      request.sim.verdict = { verified: false, reason };
      throw error;
    }
    request.sim.verdict = { verified: true };
    const bodyRequired =
      BODY_METHODS.includes(request.method) &&
      request.routeOptions.config.emptyBodyAllowed !== true;
    request.body = parseJsonBody(raw, bodyRequired, request.headers['content-type']);
  });

  scope.addHook('onSend', async (request, reply, payload) => {
    const { merchant } = request.sim;
    if (!merchant || reply.statusCode < 200 || reply.statusCode >= 300) return payload;
    const body =
      typeof payload === 'string'
        ? payload
        : Buffer.isBuffer(payload)
          ? payload.toString('utf8')
          : '';
    const requested = request.headers['wechatpay-serial'];
    const key = signingKeyFor(merchant, typeof requested === 'string' ? requested : undefined);
    reply.headers({ ...signatureHeaders(key, body, scope.sim.clock.wallNow()) });
    return payload;
  });
}

/** The body as JSON; undefined for a request without one (refused when one is required). */
function parseJsonBody(
  raw: Buffer,
  bodyRequired: boolean,
  contentType: string | undefined,
): unknown {
  if (raw.length === 0) {
    if (bodyRequired) {
      throw new WeChatError(400, 'PARAM_ERROR', 'The body is empty; send the parameters as JSON.', {
        location: 'body',
      });
    }
    return undefined;
  }
  if (!JSON_TYPE.test(contentType ?? '')) {
    throw new WeChatError(
      400,
      'INVALID_REQUEST',
      `Send the body as Content-Type: application/json; got ${JSON.stringify(contentType ?? 'none')}.`,
      { location: 'header', field: 'Content-Type' },
    );
  }
  const text = utf8Text(raw);
  refuseDeepJson(text);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new WeChatError(
      400,
      'PARAM_ERROR',
      `The body is not valid JSON: ${(error as Error).message}.`,
      {
        location: 'body',
      },
    );
  }
}

/** The merchant whose signature the request carries (every v3 route runs after verification). */
export function authenticatedMerchant(request: FastifyRequest): Merchant {
  const { merchant } = request.sim;
  if (!merchant) throw new Error('a v3 route ran before the request was verified');
  return merchant;
}
