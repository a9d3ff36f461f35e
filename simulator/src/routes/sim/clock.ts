import type { FastifyPluginAsync } from 'fastify';
import { Fields } from '../../validation/fields';

/** The longest single jump: ten years. */
const MAX_ADVANCE_SECONDS = 10 * 365 * 24 * 60 * 60;

/**
 * The test clock. `GET /sim/clock` answers `{ now }` (ms); `POST /sim/clock/advance
 * { seconds }` jumps it forward, running everything scheduled up to the new time in order
 * (notifications and their retries, refunds settling), and answers once they ran.
 */
const clockRoutes: FastifyPluginAsync = async (fastify) => {
  const view = () => ({
    now: fastify.sim.clock.now(),
    offsetMs: fastify.sim.clock.offsetMs(),
    pendingTasks: fastify.sim.scheduler.pending().length,
  });

  fastify.get('/sim/clock', async () => view());

  fastify.post('/sim/clock/advance', async (request) => {
    const fields = Fields.of(request.body, 'body');
    fields.onlyKnown(['seconds']);
    const seconds = fields.raw('seconds');
    if (
      typeof seconds !== 'number' ||
      !Number.isFinite(seconds) ||
      seconds < 0 ||
      seconds > MAX_ADVANCE_SECONDS
    ) {
      throw fields.error(
        'seconds',
        `seconds must be a number from 0 to ${MAX_ADVANCE_SECONDS} (ten years); got ${JSON.stringify(seconds)}.`,
      );
    }
    const { ran } = await fastify.sim.scheduler.advance(Math.round(seconds * 1000));
    await fastify.sim.store.save();
    fastify.sim.journal.changed('clock', 'clock');
    return { ...view(), tasksRun: ran };
  });
};

export default clockRoutes;
