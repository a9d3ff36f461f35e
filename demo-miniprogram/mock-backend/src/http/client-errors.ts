import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { errorBody } from './api-error';

interface ClientErrorAnswer {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/** What the common parser refusals mean, in words. */
const PARSER_ERRORS: Readonly<Record<string, string>> = {
  HPE_INVALID_EOF_STATE: 'the connection ended before the whole request (Content-Length) arrived',
  HPE_INVALID_TRANSFER_ENCODING: 'send Content-Length or Transfer-Encoding: chunked, not both',
  HPE_UNEXPECTED_CONTENT_LENGTH: 'send Content-Length or Transfer-Encoding: chunked, not both',
  HPE_INVALID_METHOD: 'the method is not an HTTP method',
  HPE_INVALID_CONTENT_LENGTH: 'Content-Length is not a number',
};

/** How a request node's HTTP parser refused is answered (before fastify sees a request). */
export function describeClientError(error: NodeJS.ErrnoException): ClientErrorAnswer {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        code: 'REQUEST_TIMEOUT',
        message: 'the request did not arrive in time; send it again',
      };
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        code: 'HEADERS_TOO_LARGE',
        message: 'the request line and headers are over 16 KB',
      };
    default:
      return {
        status: 400,
        code: 'BAD_HTTP_REQUEST',
        message: `the request is not valid HTTP/1.1: ${
          PARSER_ERRORS[error.code ?? ''] ?? 'it cannot be parsed'
        } (${error.code ?? error.message})`,
      };
  }
}

/**
 * fastify's `clientErrorHandler`: answers `{ error: { code, message } }` on the raw socket,
 * then closes it (the request cannot be read any further).
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const answer = describeClientError(error);
    const body = JSON.stringify(errorBody(answer.code, answer.message));
    socket.write(
      `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}
