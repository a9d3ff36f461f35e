import { cashierAnswer } from '../../demo-miniprogram/mock-backend/src/journal/cashier-entries';
import { describeEntry } from '../../demo-miniprogram/mock-backend/src/journal/describe-entry';
import { Journal } from '../../demo-miniprogram/mock-backend/src/journal/journal';
import type { MockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import {
  call,
  createOrder,
  payOrder,
  startTestBackend,
  waitForState,
} from '../mock-backend/helpers/backend';

const closed = { type: 'closed', state: 'closed' } as const;

describe('Dashboard: the journal service', () => {
  it('numbers entries, stamps them with its clock, files them by subject and describes them', () => {
    let now = 1_000;
    const journal = new Journal({ now: () => now });
    const first = journal.record('A', closed);
    now = 1_500;
    const second = journal.record(undefined, {
      type: 'refused',
      route: '/pay/notify',
      status: 401,
      message: 'Wechatpay-Signature does not verify',
    });
    expect(first).toMatchObject({
      seq: 1,
      at: 1_000,
      subject: 'A',
      type: 'closed',
      refusal: false,
    });
    expect(first.summary).toBe('Closed by the merchant: the order is closed.');
    expect(second).toMatchObject({ seq: 2, at: 1_500, subject: undefined, refusal: true });
    expect(journal.seq).toBe(2);
    expect(journal.startedAt).toBe(1_000);
    expect(journal.entriesOf('A')).toEqual([first]);
    expect(journal.entriesOf('B')).toEqual([]);
    expect(journal.entriesNotOf((id) => id === 'A')).toEqual([second]);
    expect(journal.entriesNotOf(() => false)).toEqual([first, second]);
  });

  it('tells every listener at once, survives a listener that throws, and unsubscribes', () => {
    const journal = new Journal();
    const heard: number[] = [];
    journal.subscribe(() => {
      throw new Error('a broken listener');
    });
    const unsubscribe = journal.subscribe((entry) => heard.push(entry.seq));
    journal.record('A', closed);
    unsubscribe();
    journal.record('A', closed);
    expect(heard).toEqual([1]);
    expect(journal.entriesOf('A')).toHaveLength(2);
  });

  it('keeps at most `limit` entries, dropping the oldest from their subject too', () => {
    const journal = new Journal({ limit: 3 });
    journal.record('A', closed);
    journal.record('B', closed);
    journal.record('A', closed);
    journal.record('C', closed);
    expect(journal.entriesOf('A').map((entry) => entry.seq)).toEqual([3]);
    expect(journal.entriesOf('B').map((entry) => entry.seq)).toEqual([2]);
    journal.record('C', closed);
    expect(journal.entriesOf('B')).toEqual([]);
    expect(journal.entriesNotOf(() => false).map((entry) => entry.seq)).toEqual([3, 4, 5]);
  });

  it('starts each run under a new bootId', () => {
    expect(new Journal().bootId).not.toBe(new Journal().bootId);
    expect(new Journal().bootId).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('Dashboard: what each entry says and draws', () => {
  it('draws a status query as a request when it was asked and an answer when it was answered', () => {
    const described = describeEntry(
      { type: 'status-query', waitMs: 5000, heldMs: 320, state: 'paid' },
      10_000,
    );
    expect(described.summary).toBe('Status query (waitMs 5000) held 320 ms, answered paid.');
    expect(described.messages).toEqual([
      { from: 'mini-program', to: 'merchant', label: 'status? waitMs=5000', at: 9_680 },
      { from: 'merchant', to: 'mini-program', label: 'paid (held 320 ms)', at: 10_000 },
    ]);
  });

  it('draws a notification attempt from when it was sent, with the answer and the next retry', () => {
    const described = describeEntry(
      {
        type: 'notification',
        event: 'attempt',
        deliveryId: 3,
        notification: 'payment',
        attempt: 2,
        sentAt: 900,
        status: 500,
        retryAt: 1_150,
        deliveryState: 'scheduled',
      },
      1_000,
    );
    expect(described.summary).toBe(
      'Payment notification #3, attempt 2: the merchant answered 500; retry in 150 ms.',
    );
    expect(
      described.messages.map((message) => [message.from, message.to, message.label, message.at]),
    ).toEqual([
      ['platform', 'merchant', 'Payment notification #3', 900],
      ['merchant', 'platform', '500, retry in 150 ms', 1_000],
    ]);
  });

  it('says when the platform gave up, and when a request got no answer at all', () => {
    const base = {
      type: 'notification',
      event: 'attempt',
      deliveryId: 1,
      notification: 'virtual',
    } as const;
    expect(
      describeEntry({ ...base, attempt: 16, status: 500, deliveryState: 'gave-up' }, 0).summary,
    ).toBe(
      'Delivery push #1, attempt 16: the merchant answered 500; no retry left, the platform gave up.',
    );
    expect(
      describeEntry({ ...base, error: 'fetch failed', retryAt: 15, deliveryState: 'scheduled' }, 0)
        .summary,
    ).toBe(
      'Delivery push #1, attempt 1: the merchant did not answer (fetch failed); retry in 15 ms.',
    );
  });

  it('every sentence ends with a full stop and every arrow stays on the three lanes', () => {
    const details = [
      {
        type: 'created',
        kind: 'virtual',
        profile: 'tcmpp',
        productId: 'coins-60',
        amount: 600,
        currency: 'CNY',
      },
      {
        type: 'cashier',
        api: 'requestVirtualPayment',
        action: 'cancel',
        notifyDelayMs: 200,
        dropNotify: false,
      },
      { type: 'applied', outcome: 'unchanged', state: 'closed' },
      {
        type: 'applied',
        outcome: 'rejected',
        state: 'pending',
        message: 'amount does not match the order',
      },
      { type: 'active-query', platformState: undefined, state: 'pending', changed: false },
      { type: 'active-query', platformState: 'SUCCESS', state: 'paid', changed: true },
      { type: 'refund', amount: 600, currency: 'CNY' },
      {
        type: 'notification',
        event: 'dropped',
        deliveryId: 2,
        notification: 'refund',
        deliveryState: 'dropped',
      },
      // The kit's refusals are sentences of their own: quoted, they keep their one full stop.
      {
        type: 'refused',
        route: '/pay/notify',
        status: 401,
        message: 'the Wechatpay-Timestamp header is missing.',
      },
    ] as const;
    for (const detail of details) {
      const described = describeEntry(detail, 0);
      expect(described.summary).toMatch(/^[A-Z].*[^.]\.$/);
      for (const message of described.messages) {
        expect(['mini-program', 'merchant', 'platform']).toContain(message.from);
        expect(['mini-program', 'merchant', 'platform']).toContain(message.to);
      }
    }
    expect(describeEntry(details[3], 0)).toMatchObject({
      summary: 'Refused: the merchant rejected the notification: amount does not match the order.',
      refusal: true,
    });
    expect(describeEntry(details[8], 0).summary).toBe(
      'Refused: /pay/notify answered 401: the Wechatpay-Timestamp header is missing.',
    );
    expect(describeEntry(details[5], 0).summary).toBe(
      'Active query at the platform: SUCCESS; the order is now paid.',
    );
  });
});

describe('Dashboard: a cashier answer is a refusal only when it is not the action answering', () => {
  it.each([
    ['requestPayment', 'pay', { errMsg: 'requestPayment:ok' }],
    ['requestPayment', 'cancel', { errMsg: 'requestPayment:fail cancel' }],
    ['requestPayment', 'fail', { errMsg: 'requestPayment:fail 支付失败', errno: 700000 }],
    [
      'requestVirtualPayment',
      'cancel',
      { errMsg: 'requestVirtualPayment:fail requestPayment:fail cancel', errCode: -2 },
    ],
  ])('%s %s answered as chosen', (api, action, callback) => {
    const answer = cashierAnswer(api, action, callback);
    expect(answer).not.toHaveProperty('reason');
    expect(describeEntry(answer, 0).refusal).toBe(false);
  });

  it.each([
    [
      'requestPayment',
      { errMsg: 'requestPayment:fail 支付验证签名失败', errno: 702002 },
      'the signature (paySign) does not verify',
    ],
    [
      'requestVirtualPayment',
      { errMsg: 'requestVirtualPayment:fail PAYSIG_INVALID', errCode: -15006 },
      'the signature (paySig) does not verify',
    ],
    [
      'requestVirtualPayment',
      { errMsg: 'requestVirtualPayment:fail SIGNATURE_INVALID', errCode: -15005 },
      'the signature (the user signature of signData) does not verify',
    ],
    [
      'requestPayment',
      { errMsg: 'requestPayment:fail prepay_id 无效', errno: 702001 },
      'the prepay_id is not known',
    ],
    [
      'requestPayment',
      { errMsg: 'requestPayment:fail 该订单已支付', errno: 702005 },
      'the order is already paid',
    ],
  ])('%s refused: %j', (api, callback, reason) => {
    const answer = cashierAnswer(api, 'pay', callback);
    expect(answer).toMatchObject({ reason });
    expect(describeEntry(answer, 0)).toMatchObject({
      refusal: true,
      summary: `Refused: ${reason} (${callback.errMsg}).`,
    });
  });
});

describe('Dashboard: the journal hears each event from the place it happens', () => {
  let backend: MockBackend;
  let openid: string;

  beforeAll(async () => {
    backend = await startTestBackend({ activeQueryAfterMs: 0 });
    openid = (await call(backend, 'POST', '/api/login', { code: 'journal' })).body.openid;
  });

  afterAll(async () => {
    await backend.close();
  });

  async function timeline(orderId: string) {
    const snapshot = (await call(backend, 'GET', '/dashboard/snapshot')).body;
    const item = snapshot.items.find((candidate: { id: string }) => candidate.id === orderId);
    return item.timeline.map(
      (entry: { type: string; event?: string }) => entry.event ?? entry.type,
    );
  }

  it('a paid order: created, cashier call and answer, notification scheduled, applied, attempt', async () => {
    const order = await payOrder(backend, { productId: 'mug', openid });
    await waitForState(backend, order.orderId);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const types: string[] = await timeline(order.orderId);
    expect(types.slice(0, 4)).toEqual(['created', 'cashier', 'scheduled', 'cashier-answer']);
    expect(types).toContain('applied');
    expect(types).toContain('attempt');
    expect(types.indexOf('applied')).toBeLessThan(types.indexOf('attempt'));
    expect(types).toContain('status-query');
  });

  it('a held notification found by an active query; a virtual order refused for a bad paySig', async () => {
    const held = await payOrder(backend, { productId: 'mug', openid }, { dropNotify: true });
    expect(await waitForState(backend, held.orderId)).toBe('paid');
    expect(await timeline(held.orderId)).toEqual(
      expect.arrayContaining([
        'created',
        'cashier',
        'held',
        'cashier-answer',
        'active-query',
        'status-query',
      ]),
    );

    const coins = await createOrder(backend, { productId: 'coins-60', openid });
    const paySig = coins.params.paySig as string;
    await call(backend, 'POST', '/sim/cashier', {
      api: 'requestVirtualPayment',
      params: { ...coins.params, paySig: `${paySig[0] === 'a' ? 'b' : 'a'}${paySig.slice(1)}` },
      action: 'pay',
    });
    const snapshot = (await call(backend, 'GET', '/dashboard/snapshot')).body;
    const answer = snapshot.items
      .find((item: { id: string }) => item.id === coins.orderId)
      .timeline.find((entry: { type: string }) => entry.type === 'cashier-answer');
    expect(answer).toMatchObject({
      refusal: true,
      reason: 'the signature (paySig) does not verify',
    });
  });
});

describe('A scheduled notification says the wait it was scheduled with', () => {
  it('even when the journal clock ticked after the notifier read its own', () => {
    const described = describeEntry(
      {
        type: 'notification',
        event: 'scheduled',
        deliveryId: 7,
        notification: 'transfer',
        dueAt: 1_000 + 600_000,
        delayMs: 600_000,
        deliveryState: 'scheduled',
      },
      1_001,
    );
    expect(described.summary).toBe('Transfer notification #7 scheduled, due in 600000 ms.');
  });
});
