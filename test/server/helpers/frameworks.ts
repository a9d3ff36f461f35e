import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import fastify from 'fastify';
import Koa from 'koa';
import type { OrderStatusRoute } from 'miniprogram-pay/server';

/** A server listening on a free loopback port, with the status route mounted. */
export interface Mounted {
  readonly url: string;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<Mounted> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fallback answer for requests the route is not for, to prove they go on. */
export const OTHER = { status: 418, text: 'someone else' };

export const FRAMEWORKS: Record<string, (route: OrderStatusRoute) => Promise<Mounted>> = {
  'node:http': (route) =>
    listen(
      createServer((req, res) => {
        if (route.node(req, res)) return;
        res.statusCode = OTHER.status;
        res.end(OTHER.text);
      }),
    ),
  'express (app.use)': (route) => {
    const app = express();
    app.use(route.express);
    app.use((_req, res) => void res.status(OTHER.status).send(OTHER.text));
    return listen(createServer(app));
  },
  'express (app.get with :orderId, in a router at /shop)': (route) => {
    const app = express();
    const router = express.Router();
    router.get(route.path, route.express);
    app.use('/shop', router);
    app.use((_req, res) => void res.status(OTHER.status).send(OTHER.text));
    return listen(createServer(app));
  },
  koa: (route) => {
    const app = new Koa();
    app.silent = true;
    app.use(route.koa);
    app.use((ctx) => {
      ctx.status = OTHER.status;
      ctx.body = OTHER.text;
    });
    return listen(createServer(app.callback()));
  },
  fastify: async (route) => {
    const app = fastify();
    await app.register(route.fastify);
    app.setNotFoundHandler((_request, reply) => reply.code(OTHER.status).send(OTHER.text));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
  },
};

/** The path prefix each mount adds. */
export const PREFIX: Record<string, string> = {
  'express (app.get with :orderId, in a router at /shop)': '/shop',
};
