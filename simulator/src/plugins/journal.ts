import fp from 'fastify-plugin';
import { Journal } from '../journal/journal';
import { provide } from './services';

/** Paths of the merchant APIs the journal records (the simulator's own routes are not). */
export const API_PATHS = /^\/(?:v3|pay|secapi|mmpaymkttransfers|sns|cgi-bin|xpay|retail)\//;

/** Every answer carries `Request-ID` (fastify's request id); API requests are journaled. */
export default fp(
  async (fastify) => {
    const journal = new Journal(fastify.sim.config.journalLimit);
    provide(fastify, 'journal', journal);
    fastify.decorateRequest('sim', null as never);
    fastify.addHook('onRequest', async (request, reply) => {
      request.sim = { merchant: null, verdict: { verified: undefined }, errorCode: null };
      reply.header('Request-ID', request.id);
    });
    fastify.addHook('onResponse', async (request, reply) => {
      if (!API_PATHS.test(request.url)) return;
      const { clock } = fastify.sim;
      const { merchant, verdict, errorCode } = request.sim;
      journal.record({
        requestId: request.id,
        at: clock.now(),
        wallAt: clock.wallNow(),
        method: request.method,
        url: withoutSecrets(request.url),
        mchid: merchant?.mchid ?? mchidOf(request.headers.authorization),
        verdict,
        status: reply.statusCode,
        code: errorCode ?? undefined,
        durationMs: Math.round(reply.elapsedTime),
      });
    });
  },
  { name: 'journal', dependencies: ['config', 'clock'], fastify: '5.x' },
);

/** The mchid a refused request claimed, for the journal. */
function mchidOf(authorization: string | undefined): string | undefined {
  return /mchid="([^"]{1,64})"/.exec(authorization ?? '')?.[1];
}

/** Query parameters that are credentials: the journal (and the dashboard) shows them masked. */
const SECRET_PARAMS = /([?&](?:secret|access_token)=)[^&]*/g;

function withoutSecrets(url: string): string {
  return url.replace(SECRET_PARAMS, '$1***');
}
