import fp from 'fastify-plugin';
import { Scheduler, type TaskRecord } from '../clock/scheduler';
import { TestClock } from '../clock/test-clock';
import { provide } from './services';

/** The stored tasks start running once every plugin has registered its handlers. */
export default fp(
  async (fastify) => {
    const { state } = fastify.sim.store;
    const clock = new TestClock(state);
    const scheduler = new Scheduler(clock, state.collection<TaskRecord>('tasks'), (error, task) =>
      fastify.log.error({ err: error, task: task.id, kind: task.kind }, 'a scheduled task failed'),
    );
    provide(fastify, 'clock', clock);
    provide(fastify, 'scheduler', scheduler);
    fastify.addHook('onReady', async () => scheduler.start());
    // After preClose, where the notifier aborts the attempts waiting for an answer.
    fastify.addHook('onClose', async () => scheduler.close());
  },
  { name: 'clock', dependencies: ['store'], fastify: '5.x' },
);
