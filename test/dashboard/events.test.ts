import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  eventId,
  RECONNECT_MS,
  resumptionOf,
} from '../../demo-miniprogram/mock-backend/src/dashboard/event-stream';
import { type MockBackend, startMockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import { call, createOrder, payOrder, startTestBackend } from '../mock-backend/helpers/backend';
import { testKeys } from '../mock-backend/helpers/test-keys';
import { openEventStream } from './helpers/sse';

describe('Dashboard: GET /dashboard/events (server-sent events)', () => {
  let backend: MockBackend;

  beforeAll(async () => {
    backend = await startTestBackend({ activeQueryAfterMs: -1 });
  });

  afterAll(async () => {
    await backend.close();
  });

  it('answers text/event-stream: a retry delay, a snapshot, then one entry event per journal entry', async () => {
    const earlier = await createOrder(backend, { productId: 'mug' });
    const stream = await openEventStream(`${backend.url}/dashboard/events`);
    try {
      expect(stream.response.status).toBe(200);
      expect(stream.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      expect(stream.response.headers.get('cache-control')).toBe('no-cache, no-transform');
      const snapshot = await stream.take();
      expect(stream.retry).toBe(RECONNECT_MS);
      expect(snapshot.event).toBe('snapshot');
      const { bootId, seq, items, resumption } = snapshot.data;
      expect(snapshot.id).toBe(`${bootId}-${seq}`);
      expect(resumption).toBe('new');
      expect(items[0]).toMatchObject({ id: earlier.orderId, kind: 'payment', state: 'pending' });
      expect(items[0].timeline.map((entry: { type: string }) => entry.type)).toEqual(['created']);

      const order = await payOrder(backend, { productId: 'mug' });
      const events = [];
      for (;;) {
        const event = await stream.take();
        expect(event.event).toBe('entry');
        events.push(event);
        if (event.data.entry.type === 'notification' && event.data.entry.event === 'attempt') break;
      }
      const seqs = events.map((event) => event.data.entry.seq);
      expect(seqs).toEqual(seqs.map((_, index) => seq + 1 + index));
      expect(events.map((event) => event.id)).toEqual(seqs.map((value) => `${bootId}-${value}`));
      expect(events.every((event) => event.data.entry.subject === order.orderId)).toBe(true);
      expect(events[0]?.data.item).toMatchObject({ id: order.orderId, state: 'pending' });
      expect(events.at(-1)?.data.item).toMatchObject({
        state: 'paid',
        actions: [
          expect.objectContaining({ name: 'Replay notification' }),
          expect.objectContaining({
            name: 'Refund',
            path: `/dashboard/orders/${order.orderId}/refund`,
          }),
        ],
      });
    } finally {
      stream.close();
    }
  });

  it('sends an entry about no known order with item null', async () => {
    const stream = await openEventStream(`${backend.url}/dashboard/events`);
    try {
      await stream.next();
      await call(
        backend,
        'POST',
        `/pay/virtual-notify?pay_sig=${'0'.repeat(64)}`,
        '{"OutTradeNo":"MPnobody"}',
        {
          'content-type': 'application/json',
        },
      );
      const event = await stream.until((candidate) => candidate.event === 'entry');
      expect(event.data).toMatchObject({
        item: null,
        entry: {
          type: 'refused',
          route: '/pay/virtual-notify',
          subject: 'MPnobody',
          refusal: true,
        },
      });
      const snapshot = (await call(backend, 'GET', '/dashboard/snapshot')).body;
      expect(snapshot.loose.map((entry: { subject?: string }) => entry.subject)).toContain(
        'MPnobody',
      );
    } finally {
      stream.close();
    }
  });

  it('tells a reconnect to this run from one after a restart, by Last-Event-ID or ?lastEventId=', async () => {
    const first = await openEventStream(`${backend.url}/dashboard/events`);
    const { bootId, seq } = (await first.take()).data;
    first.close();
    const again = await openEventStream(`${backend.url}/dashboard/events`, {
      'last-event-id': eventId(bootId, seq),
    });
    expect((await again.take()).data.resumption).toBe('reconnected');
    again.close();
    const query = await openEventStream(`${backend.url}/dashboard/events?lastEventId=0000dead-12`);
    expect((await query.take()).data.resumption).toBe('restarted');
    query.close();
    expect(resumptionOf(undefined, bootId)).toBe('new');
    expect(resumptionOf('', bootId)).toBe('new');
  });

  it('refuses a bad lastEventId like any bad input', async () => {
    const answer = await call(backend, 'GET', `/dashboard/events?lastEventId=${'x'.repeat(65)}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('lastEventId') },
    });
    const unknown = await call(backend, 'GET', '/dashboard/events?since=1');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('Dashboard: event streams across a close and a restart in place', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dashboard-events-'));
  });

  afterAll(async () => {
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('ends open streams on close; after a restart the snapshot says so and lists the saved orders', async () => {
    const options = { dataDir, keys: await testKeys(), defaultNotifyDelayMs: 0 };
    const first = await startMockBackend(options);
    const order = await createOrder(first, { productId: 'mug' });
    const stream = await openEventStream(`${first.url}/dashboard/events`);
    const before = (await stream.take()).data;
    await first.close();
    expect(await stream.ended()).toBe(true);

    const second = await startMockBackend({ ...options, port: first.port });
    try {
      const again = await openEventStream(`${second.url}/dashboard/events`, {
        'last-event-id': eventId(before.bootId, before.seq),
      });
      const snapshot = (await again.take()).data;
      again.close();
      expect(snapshot.bootId).not.toBe(before.bootId);
      expect(snapshot.resumption).toBe('restarted');
      expect(snapshot.items).toEqual([
        expect.objectContaining({
          id: order.orderId,
          state: 'pending',
          completeHistory: false,
          timeline: [],
        }),
      ]);
    } finally {
      await second.close();
    }
  });
});
