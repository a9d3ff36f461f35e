import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { newRequestId } from '../lib/ids';

/**
 * fastify's `clientErrorHandler`: a request node's HTTP parser refused (before any route)
 * gets a WeChat-shaped 400 (431 for headers over the limit) on the raw socket, then the socket
 * is closed, as the request cannot be read any further.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const body = JSON.stringify({
      code: 'INVALID_REQUEST',
      message: tooLarge
        ? 'The request line and headers are too large.'
        : `The request is not valid HTTP/1.1 (${error.code ?? error.message}).`,
    });
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Request-ID: ${newRequestId()}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}
