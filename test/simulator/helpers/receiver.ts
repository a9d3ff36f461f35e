import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One notification as the merchant received it: headers and the exact body. */
export interface Received {
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** How the merchant answers: a status (and body), or never (to test the 5 s timeout). */
export type Answer = (received: Received) => { status: number; body?: string } | 'hang';

/** A merchant's notify endpoint: a plain node:http server on 127.0.0.1, a free port. */
export interface Receiver {
  readonly url: string;
  readonly received: Received[];
  answer: Answer;
  /** Resolves when `count` notifications have arrived in all. */
  waitFor(count: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(answer: Answer = () => ({ status: 204 })): Promise<Receiver> {
  const received: Received[] = [];
  const waiters: { count: number; resolve: (all: Received[]) => void }[] = [];
  let server: Server | undefined;
  const receiver: Receiver = {
    url: '',
    received,
    answer,
    waitFor: (count) =>
      new Promise((resolve) => {
        if (received.length >= count) resolve(received);
        else waiters.push({ count, resolve });
      }),
    close: () =>
      new Promise((resolve) => {
        server?.closeAllConnections();
        server?.close(() => resolve());
      }),
  };
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const item = {
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(item);
      for (const waiter of waiters.filter((w) => received.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(received);
      }
      const outcome = receiver.answer(item);
      if (outcome === 'hang') return;
      response.writeHead(outcome.status, { 'content-type': 'application/json' });
      response.end(outcome.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(receiver, { url: `http://127.0.0.1:${port}/pay/notify` });
  return receiver;
}
