import { call, createOrder, payOrder, startTestBackend } from './helpers/backend';

// Mock backend README "Start": close() stops timers, answers waiting long-polls, stops
// listening and flushes state. Nothing may be left running: a jest worker with a live timer or
// socket does not exit ("A worker process has failed to exit gracefully").

/** Timers, sockets and servers alive in this process, by kind. */
function liveResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) {
    if (/^(Timeout|TCP|ConnectWrap|Immediate)/.test(kind)) counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

/** What is alive beyond the baseline (jest's own timers are in both). */
function leftOver(baseline: Record<string, number>): Record<string, number> {
  const extra: Record<string, number> = {};
  for (const [kind, count] of Object.entries(liveResources())) {
    if (count > (baseline[kind] ?? 0)) extra[kind] = count - (baseline[kind] ?? 0);
  }
  return extra;
}

async function leftOverOnceSettled(baseline: Record<string, number>) {
  // Sockets close on the next turns of the event loop: a moment, not seconds.
  for (let attempt = 0; attempt < 20 && Object.keys(leftOver(baseline)).length > 0; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return leftOver(baseline);
}

it('close() leaves no timer, socket or server behind, whatever was under way', async () => {
  const baseline = liveResources();
  const backend = await startTestBackend({ activeQueryAfterMs: 0, activeQueryIntervalMs: 20 });
  // A notification retrying after 500s, one due in a minute, one dropped.
  await call(backend, 'POST', '/sim/merchant-faults', { failPayNotifies: 5 });
  await payOrder(backend, { productId: 'mug' }, { notifyDelayMs: 0 });
  await payOrder(backend, { productId: 'mug' }, { notifyDelayMs: 60_000 });
  await payOrder(backend, { productId: 'coins-60' }, { dropNotify: true });
  // A long-poll held with active queries running, and a keep-alive connection.
  const pending = await createOrder(backend, { productId: 'sticker' });
  const waiting = call(backend, 'GET', `/api/orders/${pending.orderId}?waitMs=20000`);
  await new Promise((resolve) => setTimeout(resolve, 60));

  await backend.close();
  expect((await waiting).body.state).toBe('pending');
  expect(await leftOverOnceSettled(baseline)).toEqual({});
});
