import * as net from 'node:net';

/**
 * A request written byte for byte on its own TCP connection: what fetch and node:http refuse to
 * send (duplicated framing headers, control characters, a missing Host, raw non-ASCII paths).
 */
export interface RawHttpRequest {
  readonly method: string;
  /** The request-target exactly as sent, e.g. `/v3/certificates?x=%ZZ`. */
  readonly target: string;
  /** Header lines in order; a name may repeat. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: Buffer;
  /** @default 'HTTP/1.1' */
  readonly version?: string;
  /**
   * `auto` adds `Host`, `Content-Length` (with a body) and `Connection: close`; `manual` sends
   * exactly `headers` (then the caller must frame the request, and close it).
   * @default 'auto'
   */
  readonly framing?: 'auto' | 'manual';
}

export interface RawHttpAnswer {
  readonly status: number;
  /** Lower-case names; a repeated header keeps its last value. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The bytes of `request` on the wire. */
export function encodeRequest(request: RawHttpRequest): Buffer {
  const body = request.body ?? Buffer.alloc(0);
  const headers = [...request.headers];
  if ((request.framing ?? 'auto') === 'auto') {
    headers.unshift(['Host', '127.0.0.1']);
    if (body.length > 0 || request.method === 'POST') {
      headers.push(['Content-Length', String(body.length)]);
    }
    headers.push(['Connection', 'close']);
  }
  const head = `${request.method} ${request.target} ${request.version ?? 'HTTP/1.1'}\r\n${headers
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
  return Buffer.concat([wireBytes(head), body]);
}

/**
 * Text as bytes on the wire: a character below 256 is that byte (so a test can put any byte
 * in a header or a path), any other is UTF-8.
 */
export function wireBytes(text: string): Buffer {
  const chars = [...text];
  if (chars.every((char) => char.charCodeAt(0) < 256)) return Buffer.from(text, 'latin1');
  return Buffer.concat(
    chars.map((char) => Buffer.from(char, char.charCodeAt(0) < 256 ? 'latin1' : 'utf8')),
  );
}

/**
 * Sends the request on a new connection and reads until the server closes it (`Connection:
 * close`). Rejects when no complete answer arrives within `timeoutMs`.
 */
export function sendRaw(
  port: number,
  request: RawHttpRequest,
  timeoutMs = 10_000,
): Promise<RawHttpAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${request.method} ${request.target}`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks);
      const answer = parseAnswer(text, request.method === 'HEAD');
      if (answer) resolve(answer);
      else
        reject(
          new Error(
            `no complete answer to ${request.method} ${request.target.slice(0, 80)}: ${JSON.stringify(text.toString('latin1').slice(0, 200))}`,
          ),
        );
    };
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A server that answers before it read the whole request may reset the connection: what it
    // answered is still read.
    socket.on('error', () => undefined);
    socket.on('close', finish);
    // Not end(): a node server aborts a request whose client half-closed before the answer.
    socket.write(encodeRequest(request));
  });
}

/** Parses one HTTP/1.1 answer (Content-Length, chunked, or until close; none to a HEAD). */
export function parseAnswer(bytes: Buffer, head = false): RawHttpAnswer | undefined {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine = '', ...lines] = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1];
  if (status === undefined) return undefined;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = bytes.subarray(end + 4);
  if (head) body = Buffer.alloc(0);
  else if (headers['transfer-encoding']?.toLowerCase() === 'chunked') body = dechunk(body);
  else if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    if (body.length < length) return undefined;
    body = body.subarray(0, length);
  }
  return { status: Number(status), headers, body: body.toString('utf8') };
}

function dechunk(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', offset);
    if (lineEnd < 0) break;
    const size = Number.parseInt(bytes.subarray(offset, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
