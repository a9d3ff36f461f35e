import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { API_PATHS } from '../plugins/journal';
import { provide, type SimulatorServices } from '../plugins/services';
import { Activity, subjectsOf } from './activity';
import { type Asset, loadAssets } from './assets';
import { Dashboard } from './dashboard';
import { EventStreams } from './event-stream';

/** The dashboard's parts, for its routes. */
export interface DashboardService {
  readonly model: Dashboard;
  readonly streams: EventStreams;
  readonly assets: ReadonlyMap<string, Asset>;
}

declare module '../plugins/services' {
  interface SimulatorServices {
    /** The live dashboard at `GET /`. */
    readonly dashboard: DashboardService;
  }
}

/**
 * The dashboard's model and event streams. It watches every answer (a hook, before the routes
 * register): what each API request was about, and every use of the cashier, which the journal
 * does not keep. Streams end when the server closes.
 */
export default fp(
  async (fastify) => {
    const { sim } = fastify;
    const activity = new Activity(sim.config.journalLimit);
    const model = new Dashboard(sim, activity);
    const streams = new EventStreams(model, sim.journal);
    provide(fastify, 'dashboard', { model, streams, assets: await loadAssets() });
    fastify.addHook('onSend', async (request, reply, payload) => {
      if (API_PATHS.test(request.url)) {
        activity.noteSubjects(request.id, subjectsOf(request.url, request.body));
      } else if (request.url === '/sim/cashier' && request.method === 'POST') {
        noteCashier(sim, request, reply, payload);
      }
      return payload;
    });
    fastify.addHook('preClose', async () => streams.close());
  },
  {
    name: 'dashboard',
    dependencies: ['config', 'store', 'clock', 'journal', 'payments', 'cashier'],
    fastify: '5.x',
  },
);

/** A use of the cashier: the order its prepay_id names, and the host's answer. */
function noteCashier(
  sim: SimulatorServices,
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): void {
  if (reply.statusCode !== 200 || typeof payload !== 'string') return;
  const body = request.body as {
    api?: unknown;
    action?: unknown;
    params?: { package?: unknown };
  };
  const prepayId = /^prepay_id=(.+)$/.exec(String(body.params?.package ?? ''))?.[1];
  let errMsg = '';
  try {
    errMsg = String((JSON.parse(payload) as { errMsg?: unknown }).errMsg ?? '');
  } catch {
    return;
  }
  const event = sim.dashboard.model.activity.noteCashier({
    at: sim.clock.now(),
    orderKey: prepayId === undefined ? undefined : sim.orders.findByPrepayId(prepayId)?.key,
    api: String(body.api),
    action: String(body.action),
    errMsg,
  });
  sim.dashboard.streams.cashier(event);
}
