import type { FastifyError } from 'fastify';
import { isWeChatError, WeChatError } from './wechat-error';

/** fastify's own refusals, by code, as WeChat-shaped errors. */
const FASTIFY_ERRORS: Readonly<Record<string, () => WeChatError>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () =>
    new WeChatError(400, 'PARAM_ERROR', 'The body is not valid JSON.', { location: 'body' }),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    new WeChatError(400, 'PARAM_ERROR', 'The body is empty but Content-Type is application/json.', {
      location: 'body',
    }),
  FST_ERR_CTP_BODY_TOO_LARGE: () =>
    new WeChatError(
      400,
      'INVALID_REQUEST',
      'The body is too large for this API (256 KB at most).',
      {
        location: 'body',
      },
    ),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    new WeChatError(400, 'INVALID_REQUEST', 'Send the body as Content-Type: application/json.', {
      location: 'header',
      field: 'Content-Type',
    }),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () =>
    new WeChatError(400, 'INVALID_REQUEST', 'Content-Length does not match the body.', {
      location: 'header',
      field: 'Content-Length',
    }),
  FST_ERR_BAD_URL: () =>
    new WeChatError(400, 'INVALID_REQUEST', 'The path is not valid percent-encoding.', {
      location: 'path',
    }),
  FST_ERR_MAX_PARAM_LENGTH: () =>
    new WeChatError(400, 'INVALID_REQUEST', 'A path segment is too long.', { location: 'path' }),
};

/** The 4xx statuses of WeChat Pay's table of HTTP statuses; any other refusal is a 400. */
const WECHAT_REFUSAL_STATUSES: readonly number[] = [400, 401, 403, 404, 429];

/**
 * Any error as the WeChat-shaped refusal the client gets: never a stack trace, never fastify's
 * shape, never a status WeChat Pay does not use (413, 415, 431: 400 INVALID_REQUEST). A 500
 * SYSTEM_ERROR means a bug in the simulator (bad input is always a 4xx).
 */
export function toWeChatError(error: unknown): WeChatError {
  if (isWeChatError(error)) return error;
  const fastifyError = error as Partial<FastifyError>;
  const known = fastifyError.code ? FASTIFY_ERRORS[fastifyError.code] : undefined;
  if (known) return known();
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const wechatStatus = WECHAT_REFUSAL_STATUSES.includes(status) ? status : 400;
    return new WeChatError(wechatStatus, 'INVALID_REQUEST', String(fastifyError.message));
  }
  return new WeChatError(500, 'SYSTEM_ERROR', 'The simulator failed; this is a bug in it.');
}
