import { createCheckout, DEFAULT_CONFIRM, httpBackend } from '../src/index';
import { createFakeHost } from '../src/testing/index';

/** What one strategy found for one order. */
export interface Confirmation {
  /** When (Date.now) the client learned the order was paid; undefined if it gave up. */
  paidKnownAt?: number;
  /** Status requests the client sent. */
  clientQueries: number;
  /** Status checks the server made on the client's behalf (uni-pay's loop). */
  serverChecks: number;
}

export interface Strategy {
  name: string;
  confirm(baseUrl: string, orderId: string): Promise<Confirmation>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const FINAL = ['paid', 'closed', 'failed', 'refunded'];

async function readState(baseUrl: string, orderId: string, waitMs = 0): Promise<string> {
  const response = await fetch(
    `${baseUrl}/api/orders/${encodeURIComponent(orderId)}?waitMs=${waitMs}`,
  );
  return ((await response.json()) as { state: string }).state;
}

/** vk-uni-pay: the client polls every 1500 ms, up to 120 times. */
export function vkUniPay(compression: number): Strategy {
  return {
    name: 'vk-uni-pay: poll every 1500 ms, up to 120 times',
    async confirm(baseUrl, orderId) {
      let clientQueries = 0;
      for (let attempt = 0; attempt < 120; attempt++) {
        if (attempt > 0) await sleep(1500 / compression);
        clientQueries++;
        const state = await readState(baseUrl, orderId);
        if (state === 'paid') return { paidKnownAt: Date.now(), clientQueries, serverChecks: 0 };
        if (FINAL.includes(state)) break;
      }
      return { clientQueries, serverChecks: 0 };
    },
  };
}

/** uni-pay: one call, which the server answers by re-checking every 500 ms for up to 20 s. */
export function uniPay(compression: number): Strategy {
  return {
    name: 'uni-pay: one call, server re-checks every 500 ms up to 20 s',
    async confirm(baseUrl, orderId) {
      let serverChecks = 0;
      const until = Date.now() + 20000 / compression;
      for (;;) {
        serverChecks++;
        const state = await readState(baseUrl, orderId);
        if (state === 'paid') return { paidKnownAt: Date.now(), clientQueries: 1, serverChecks };
        if (FINAL.includes(state) || Date.now() + 500 / compression > until) break;
        await sleep(500 / compression);
      }
      return { clientQueries: 1, serverChecks };
    },
  };
}

/** miniprogram-pay's checkout.confirm over httpBackend, with the default schedule. */
export function miniprogramPay(
  compression: number,
  longPoll: boolean,
  schedule: Partial<typeof DEFAULT_CONFIRM> = {},
): Strategy {
  const chosen = { ...DEFAULT_CONFIRM, ...schedule };
  const scaled = Object.fromEntries(
    Object.entries(chosen).map(([name, value]) => [
      name,
      name === 'growth' ? value : value / compression,
    ]),
  );
  const confirm = { ...scaled, waitMs: longPoll ? scaled.waitMs : 0 };
  const label = Object.keys(schedule).length ? JSON.stringify(schedule) : 'default schedule';
  return {
    name: `miniprogram-pay: ${label}, ${longPoll ? `long-poll waitMs ${chosen.waitMs}` : 'no long-poll'}`,
    async confirm(baseUrl, orderId) {
      // The testing kit's fetch bridge: httpBackend talks to the backend over loopback.
      const host = createFakeHost({ request: 'fetch' });
      const checkout = createCheckout({ backend: httpBackend({ baseUrl, host }), host, confirm });
      const result = await checkout.confirm(orderId);
      return {
        paidKnownAt: result.status === 'paid' ? Date.now() : undefined,
        clientQueries: host.requests.length,
        serverChecks: 0,
      };
    },
  };
}

/** One status request, answered by whatever rule the server follows (uni-pay; the limit). */
export function oneRequest(name: string): Strategy {
  return {
    name,
    async confirm(baseUrl, orderId) {
      const state = await readState(baseUrl, orderId);
      return {
        paidKnownAt: state === 'paid' ? Date.now() : undefined,
        clientQueries: 1,
        serverChecks: 0,
      };
    },
  };
}
