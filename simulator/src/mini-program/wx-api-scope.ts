import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isWeChatError } from '../errors/wechat-error';
import { isRecord } from '../lib/json';
import { Fields } from '../validation/fields';
import { isWxApiError, WX_ERRORS, type WxApiError } from './wx-api-error';

/**
 * Makes a plugin scope answer as the mini program's server APIs do: bodies kept as raw bytes
 * whatever their Content-Type (their signatures cover the exact bytes), and every refusal
 * HTTP 200 `{ errcode, errmsg }` (a field the simulator's checks refuse is 40097 invalid args,
 * an unreadable body 47001); a bug is 500 with errcode -1.
 */
export function useWxApi(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });
  scope.setErrorHandler((error, request, reply) => answerWxError(scope, error, request, reply));
}

function answerWxError(
  scope: FastifyInstance,
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const refusal = toWxApiError(error);
  if (refusal.errcode === -1) request.log.error(error);
  if (request.sim) request.sim.errorCode = String(refusal.errcode);
  return reply
    .code(refusal.errcode === -1 ? 500 : 200)
    .send(refusal.body(scope.sim.clock.wallNow()));
}

function toWxApiError(error: unknown): WxApiError {
  if (isWxApiError(error)) return error;
  if (isWeChatError(error)) return WX_ERRORS.invalidArgs(error.message);
  const status = (error as Partial<FastifyError>).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return WX_ERRORS.dataFormatError(String((error as Error).message));
  }
  return WX_ERRORS.systemError();
}

/** The raw body and its JSON object's fields (47001 when it is not a JSON object). */
export function jsonBodyOf(request: FastifyRequest): { raw: Buffer; fields: Fields } {
  const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw WX_ERRORS.dataFormatError('the body must be a JSON object');
  }
  if (!isRecord(parsed)) throw WX_ERRORS.dataFormatError('the body must be a JSON object');
  return { raw, fields: Fields.of(parsed, 'body') };
}

/** One query parameter (the first when repeated). */
export function queryValue(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : undefined;
}

/** The AppID whose access_token the request carries (41001, 40001, 42001 otherwise). */
export function appidOfToken(scope: FastifyInstance, request: FastifyRequest): string {
  const token = queryValue(request, 'access_token');
  if (token === undefined) throw WX_ERRORS.accessTokenMissing();
  const found = scope.sim.accessTokens.lookup(token);
  if (found.kind === 'expired') throw WX_ERRORS.accessTokenExpired();
  if (found.kind === 'unknown') {
    throw WX_ERRORS.invalidCredential('this access_token was not issued by /cgi-bin/token');
  }
  return found.appid;
}
