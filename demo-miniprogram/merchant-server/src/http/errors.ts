import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { WeChatPayError } from '../wechat/wechat-pay';

/** A refusal with its HTTP status, answered as `{ error: { code, message } }`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** fastify's own refusals, by their code, as the merchant answers them. */
const FASTIFY_ERRORS: Readonly<Record<string, readonly [number, string, string]>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON', 'body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [
    400,
    'EMPTY_BODY',
    'body is empty but content-type is application/json',
  ],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'BODY_TOO_LARGE', 'body is over 64 KB'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', 'send application/json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    400,
    'BAD_CONTENT_LENGTH',
    'content-length does not match the body',
  ],
};

/** Any error as a status, a code and a sentence for the client (never a stack trace). */
export function describeError(error: unknown): { status: number; code: string; message: string } {
  if (error instanceof ApiError)
    return { status: error.statusCode, code: error.code, message: error.message };
  // WeChat Pay refused or did not answer what the merchant asked: the request cannot be served.
  if (error instanceof WeChatPayError)
    return { status: 502, code: 'WECHATPAY_ERROR', message: error.message };
  const { validation, code, statusCode, message } = error as Partial<FastifyError>;
  if (validation) return { status: 400, code: 'VALIDATION_FAILED', message: String(message) };
  const known = code ? FASTIFY_ERRORS[code] : undefined;
  if (known) return { status: known[0], code: known[1], message: known[2] };
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500)
    return { status: statusCode, code: 'BAD_REQUEST', message: String(message) };
  return { status: 500, code: 'INTERNAL', message: 'internal error' };
}

/** Longest path quoted back in a message. */
const QUOTED_PATH_LENGTH = 120;

/** fastify's `frameworkErrors`: what the router refuses before any route runs. */
export function frameworkErrors(maxParamLength: number) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const full = (request.raw.url ?? '').split('?')[0] ?? '';
    const path = full.length > QUOTED_PATH_LENGTH ? `${full.slice(0, QUOTED_PATH_LENGTH)}…` : full;
    if (error.code === 'FST_ERR_BAD_URL') {
      const why = 'a bad %-escape, an overlong UTF-8 sequence or a lone surrogate';
      reply
        .code(400)
        .send(errorBody('BAD_URL', `the path ${path} is not valid percent-encoding (${why})`));
    } else if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
      const message = `the path ${path} has a segment over ${maxParamLength} characters`;
      reply.code(414).send(errorBody('URI_TOO_LONG', message));
    } else {
      const described = describeError(error);
      reply.code(described.status).send(errorBody(described.code, described.message));
    }
  };
}

/** Node's HTTP parser's refusals, by their code: a status and code of their own, or 400 and why. */
const PARSER_ERRORS: Readonly<Record<string, string | readonly [number, string, string]>> = {
  ERR_HTTP_REQUEST_TIMEOUT: [
    408,
    'REQUEST_TIMEOUT',
    'the request did not arrive in time; send it again',
  ],
  HPE_HEADER_OVERFLOW: [431, 'HEADERS_TOO_LARGE', 'the request line and headers are over 16 KB'],
  HPE_INVALID_EOF_STATE: 'the connection ended before the whole request (Content-Length) arrived',
  HPE_INVALID_TRANSFER_ENCODING: 'send Content-Length or Transfer-Encoding: chunked, not both',
  HPE_UNEXPECTED_CONTENT_LENGTH: 'send Content-Length or Transfer-Encoding: chunked, not both',
  HPE_INVALID_METHOD: 'the method is not an HTTP method',
  HPE_INVALID_CONTENT_LENGTH: 'Content-Length is not a number',
};

/** fastify's `clientErrorHandler`: the answer on the raw socket, which is then closed. */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const known = PARSER_ERRORS[error.code ?? ''] ?? 'it cannot be parsed';
    const [status, code, message] =
      typeof known === 'string'
        ? [
            400,
            'BAD_HTTP_REQUEST',
            `the request is not valid HTTP/1.1: ${known} (${error.code ?? error.message})`,
          ]
        : known;
    const body = JSON.stringify(errorBody(code, message));
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
