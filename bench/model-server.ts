// A merchant server for the "cashier closed -> paid on screen" measure: real HTTP on loopback,
// with the network modelled. Every status request takes half the client's round trip to arrive
// and half to come back; every query of WeChat Pay takes the platform's round trip. WeChat Pay
// pays the order when the cashier closes, and its notification lands `notifyDelayMs` later.
// The status rule is the kit's createOrderStatusRoute, or another project's, modelled.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type ActiveQueryOptions,
  createOrderStatusRoute,
  createOrderWatch,
  type OrderSnapshot,
} from '../src/server/index';

/** Times of the model, in real ms (already divided by the compression). */
export interface Network {
  readonly clientRttMs: number;
  readonly platformRttMs: number;
}

/** How the server answers a status request. */
export type StatusRule =
  /** The kit's route: notify-only without `activeQuery`. */
  | { readonly kind: 'kit'; readonly activeQuery?: Omit<ActiveQueryOptions, 'query'> }
  /** vk-uni-pay's server: a pending order waits `waitMs`, then one query, then the answer. */
  | { readonly kind: 'wait-then-query'; readonly waitMs: number }
  /** uni-pay's server: re-reads the order every `everyMs` until paid or `forMs` passed. */
  | { readonly kind: 'await-notify'; readonly everyMs: number; readonly forMs: number }
  /** The physical limit: one query of the platform, answered. */
  | { readonly kind: 'one-query' };

export interface ModelServer {
  readonly url: string;
  /** The cashier closed on a new pending order: WeChat Pay has it paid from now. */
  pay(orderId: string, notifyDelayMs: number): void;
  /** Queries of WeChat Pay made about the order. */
  platformQueries(orderId: string): number;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ORDER_PATH = /^\/api\/orders\/([^/?]+)(?:\?|$)/;

export async function startModelServer(rule: StatusRule, network: Network): Promise<ModelServer> {
  const orders = new Map<string, OrderSnapshot>();
  const paidAtPlatform = new Set<string>();
  const queries = new Map<string, number>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const watch = createOrderWatch({ getOrder: async (orderId) => orders.get(orderId) });

  /** The merchant's update, from the notification or a query: paid once. */
  const markPaid = async (orderId: string) => {
    if (orders.get(orderId)?.state !== 'pending') return;
    orders.set(orderId, { orderId, state: 'paid' });
    await watch.changed(orderId);
  };
  /** GET /v3/pay/transactions/out-trade-no/{no}, one platform round trip. */
  const queryPlatform = async (orderId: string) => {
    queries.set(orderId, (queries.get(orderId) ?? 0) + 1);
    await sleep(network.platformRttMs);
    if (paidAtPlatform.has(orderId)) await markPaid(orderId);
  };

  const answer = statusAnswer(rule, { watch, orders, queryPlatform });
  const server = createServer(async (req, res) => {
    const orderId = ORDER_PATH.exec(req.url ?? '')?.[1];
    await sleep(network.clientRttMs / 2);
    const waitMs = new URL(req.url ?? '/', 'http://model').searchParams.get('waitMs') ?? undefined;
    const { status, body } = orderId
      ? await answer(decodeURIComponent(orderId), waitMs)
      : { status: 404, body: { error: { code: 'NOT_FOUND', message: 'no such route' } } };
    await sleep(network.clientRttMs / 2);
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    pay(orderId, notifyDelayMs) {
      orders.set(orderId, { orderId, state: 'pending' });
      paidAtPlatform.add(orderId);
      const timer = setTimeout(() => {
        timers.delete(timer);
        void markPaid(orderId);
      }, notifyDelayMs);
      timers.add(timer);
    },
    platformQueries: (orderId) => queries.get(orderId) ?? 0,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

interface Merchant {
  readonly watch: ReturnType<typeof createOrderWatch>;
  readonly orders: Map<string, OrderSnapshot>;
  readonly queryPlatform: (orderId: string) => Promise<void>;
}

type Answer = (orderId: string, waitMs?: string) => Promise<{ status: number; body: unknown }>;

function statusAnswer(rule: StatusRule, { watch, orders, queryPlatform }: Merchant): Answer {
  const current = (orderId: string) => ({ status: 200, body: orders.get(orderId) });
  const pending = (orderId: string) => orders.get(orderId)?.state === 'pending';
  switch (rule.kind) {
    case 'kit': {
      const route = createOrderStatusRoute({
        watch,
        ...(rule.activeQuery ? { activeQuery: { ...rule.activeQuery, query: queryPlatform } } : {}),
      });
      return (orderId, waitMs) => route.answer({ orderId, waitMs });
    }
    case 'wait-then-query':
      return async (orderId) => {
        if (pending(orderId)) {
          await sleep(rule.waitMs);
          if (pending(orderId)) await queryPlatform(orderId);
        }
        return current(orderId);
      };
    case 'await-notify':
      return async (orderId) => {
        const until = Date.now() + rule.forMs;
        while (pending(orderId) && Date.now() + rule.everyMs <= until) await sleep(rule.everyMs);
        return current(orderId);
      };
    case 'one-query':
      return async (orderId) => {
        await queryPlatform(orderId);
        return current(orderId);
      };
  }
}
