import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { newRequestId } from '../lib/ids';

/**
 * fastify's `clientErrorHandler`: a request node's HTTP parser refused (before any route)
 * gets a WeChat-shaped 400 on the raw socket (headers over the limit included: WeChat Pay's
 * table of statuses has no 431), then the socket is closed, as the request cannot be read any
 * further.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const message =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 'The request line and headers are too large (16 KB at most).'
      : `The request is not valid HTTP/1.1 (${error.code ?? error.message}).`;
  refuseOnSocket(socket, message);
  socket.destroy(error);
}

/**
 * The server's `checkExpectation`: node answers an `Expect` other than `100-continue` with a
 * bare 417, which is not in WeChat Pay's table; this answers a WeChat-shaped 400 instead.
 */
export function refuseExpectation(request: IncomingMessage, response: ServerResponse): void {
  const body = refusalBody(
    `Expect: ${JSON.stringify(request.headers.expect ?? '').slice(0, 60)} is not supported; send the request without it (or with Expect: 100-continue).`,
  );
  response.writeHead(400, {
    'Content-Type': 'application/json; charset=utf-8',
    'Request-ID': newRequestId(),
    'Content-Length': Buffer.byteLength(body),
    Connection: 'close',
  });
  response.end(body);
}

/** The server's `connect` event (a CONNECT request): no tunnel, a WeChat-shaped 400. */
export function refuseConnect(_request: IncomingMessage, socket: Socket): void {
  refuseOnSocket(socket, 'CONNECT is not served: this is WeChat Pay, not a proxy.');
  socket.end();
}

function refusalBody(message: string): string {
  return JSON.stringify({ code: 'INVALID_REQUEST', message });
}

function refuseOnSocket(socket: Socket, message: string): void {
  if (!socket.writable) return;
  const body = refusalBody(message);
  socket.write(
    `HTTP/1.1 400 ${STATUS_CODES[400]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Request-ID: ${newRequestId()}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
