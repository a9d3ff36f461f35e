// The test clock: WeChat's 24-hour retry schedule plays through in one advance; a prepay_id
// expires after 2 hours on the clock; what is sent still carries the wall clock's time.
import type { Simulator } from '../../simulator/src/server';
import { advance, cashier, createOrder, newOutTradeNo, paymentParams } from './helpers/flow';
import { type Receiver, startReceiver } from './helpers/receiver';
import { get, registerMerchant, startTestSimulator, type TestMerchant } from './helpers/simulator';

let simulator: Simulator;
let receiver: Receiver;
let merchant: TestMerchant;
beforeAll(async () => {
  simulator = await startTestSimulator({ notifyTimeoutMs: 300 });
  receiver = await startReceiver();
  merchant = await registerMerchant(simulator, { mchid: '1900000401' });
});
afterAll(async () => {
  await simulator.close();
  await receiver.close();
});
beforeEach(() => {
  receiver.received.length = 0;
});

interface Notification {
  id: string;
  subject: string;
  state: string;
  attempts: { at: number; wallAt: number; status?: number; error?: string }[];
}

async function notificationOf(outTradeNo: string): Promise<Notification> {
  const { body } = await get(simulator, '/sim/notifications');
  const found = (body as { notifications: Notification[] }).notifications.find(
    (n) => n.subject === outTradeNo,
  );
  if (!found) throw new Error(`no notification for ${outTradeNo}`);
  return found;
}

/** An order paid at the cashier with its notification held, so that the test starts it. */
async function paidOrder(): Promise<string> {
  const outTradeNo = newOutTradeNo();
  const prepayId = await createOrder(merchant, outTradeNo, receiver.url);
  await cashier(simulator, paymentParams(prepayId), 'pay', { notifyDelayMs: 60_000 });
  return outTradeNo;
}

const SCHEDULE_S = [
  15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600,
];

it('plays the 24-hour retry schedule in one advance: 16 attempts, then gives up', async () => {
  receiver.answer = () => ({ status: 500, body: '{"code":"FAIL","message":"busy"}' });
  const outTradeNo = await paidOrder();
  const { tasksRun } = await advance(simulator, 25 * 60 * 60);
  expect(tasksRun).toBe(16);
  expect(receiver.received).toHaveLength(16);
  const notification = await notificationOf(outTradeNo);
  expect(notification.state).toBe('gave-up');
  expect(notification.attempts.map((attempt) => attempt.status)).toEqual(Array(16).fill(500));
  const waits = notification.attempts
    .slice(1)
    .map((attempt, index) =>
      Math.round((attempt.at - (notification.attempts[index]?.at ?? 0)) / 1000),
    );
  expect(waits).toEqual(SCHEDULE_S);
  for (const received of receiver.received) {
    expect(
      Math.abs(Number(received.headers['wechatpay-timestamp']) - Date.now() / 1000),
    ).toBeLessThan(5);
  }
  const created = JSON.parse(receiver.received[0]?.body ?? '{}') as { create_time: string };
  expect(Math.abs(Date.parse(created.create_time) - Date.now())).toBeLessThan(10 * 60 * 1000);
});

it('stops retrying once the merchant acknowledges: 500, 500, then 204', async () => {
  let calls = 0;
  receiver.answer = () => ({ status: ++calls <= 2 ? 500 : 204 });
  const outTradeNo = await paidOrder();
  await advance(simulator, 3600);
  const notification = await notificationOf(outTradeNo);
  expect(notification.state).toBe('delivered');
  expect(notification.attempts.map((attempt) => attempt.status)).toEqual([500, 500, 204]);
});

it('counts no answer within the timeout as a failed attempt, and retries', async () => {
  let calls = 0;
  receiver.answer = () => (++calls === 1 ? 'hang' : { status: 200 });
  const outTradeNo = await paidOrder();
  // The first attempt is due in 60 s; it waits 300 ms (real time, which the clock runs with)
  // for no answer; its retry is due 15 s after that.
  await advance(simulator, 90);
  const notification = await notificationOf(outTradeNo);
  expect(notification.attempts[0]?.error).toBe('no answer within 300 ms');
  expect(notification.attempts[1]?.status).toBe(200);
  expect(notification.state).toBe('delivered');
});

it('expires a prepay_id after 2 hours on the clock; the same order again gets a new one', async () => {
  receiver.answer = () => ({ status: 204 });
  const outTradeNo = newOutTradeNo();
  const prepayId = await createOrder(merchant, outTradeNo, receiver.url);
  await advance(simulator, 2 * 60 * 60 - 5);
  expect(await createOrder(merchant, outTradeNo, receiver.url)).toBe(prepayId);
  await advance(simulator, 5);
  expect(await cashier(simulator, paymentParams(prepayId))).toEqual({
    errMsg: 'requestPayment:fail 订单已过期',
    errno: 700000,
  });
  const renewed = await createOrder(merchant, outTradeNo, receiver.url);
  expect(renewed).not.toBe(prepayId);
  expect(await cashier(simulator, paymentParams(renewed))).toEqual({ errMsg: 'requestPayment:ok' });
});

it('GET /sim/clock tells the clock, ahead of the wall clock by what was advanced', async () => {
  const before = (await get(simulator, '/sim/clock')).body as { now: number; offsetMs: number };
  await advance(simulator, 90);
  const after = (await get(simulator, '/sim/clock')).body as { now: number; offsetMs: number };
  expect(after.offsetMs - before.offsetMs).toBeGreaterThanOrEqual(90_000);
  expect(after.now - Date.now()).toBeGreaterThanOrEqual(after.offsetMs - 1000);
});
