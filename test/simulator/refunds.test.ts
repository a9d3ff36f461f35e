// Refunds: partial refunds up to the total, the same request answered with the same refund,
// and the refunds that fail (REFUND.ABNORMAL, then REFUND.CLOSED) settled by /sim/refunds/settle.
import { verifyNotification } from 'miniprogram-pay/server';
import type { Simulator } from '../../simulator/src/server';
import { cashier, createOrder, newOutTradeNo, paymentParams } from './helpers/flow';
import { type Receiver, startReceiver } from './helpers/receiver';
import { refusal } from './helpers/refusal';
import {
  API_V3_KEY,
  get,
  post,
  registerMerchant,
  startTestSimulator,
  type TestMerchant,
  v3,
} from './helpers/simulator';

let simulator: Simulator;
let receiver: Receiver;
let merchant: TestMerchant;
beforeAll(async () => {
  simulator = await startTestSimulator({ refundDelayMs: 60_000 });
  receiver = await startReceiver();
  merchant = await registerMerchant(simulator, {
    mchid: '1900000801',
    extra: { refundNotifyUrl: `${receiver.url}?from=console` },
  });
});
afterAll(async () => {
  await simulator.close();
  await receiver.close();
});

async function paidOrder(total: number): Promise<string> {
  const outTradeNo = newOutTradeNo();
  const prepayId = await createOrder(merchant, outTradeNo, receiver.url, total);
  await cashier(simulator, paymentParams(prepayId), 'pay', { dropNotify: true });
  return outTradeNo;
}

function refundBody(outTradeNo: string, outRefundNo: string, refund: number, total: number) {
  return {
    out_trade_no: outTradeNo,
    out_refund_no: outRefundNo,
    notify_url: receiver.url,
    amount: { refund, total, currency: 'CNY' },
  };
}

it('refunds in parts up to the total; the same request again answers the same refund', async () => {
  const outTradeNo = await paidOrder(100);
  const first = await v3(merchant, 'post', 'v3/refund/domestic/refunds', {
    body: refundBody(outTradeNo, `${outTradeNo}A`, 60, 100),
  });
  const again = await v3(merchant, 'post', 'v3/refund/domestic/refunds', {
    body: refundBody(outTradeNo, `${outTradeNo}A`, 60, 100),
  });
  expect(again.data.refund_id).toBe(first.data.refund_id);
  const other = await refusal(
    merchant.wxpay
      .chain('v3/refund/domestic/refunds')
      .post(refundBody(outTradeNo, `${outTradeNo}A`, 61, 100)),
  );
  expect(other).toMatchObject({ status: 400, data: { code: 'INVALID_REQUEST' } });
  const tooMuch = await refusal(
    merchant.wxpay
      .chain('v3/refund/domestic/refunds')
      .post(refundBody(outTradeNo, `${outTradeNo}B`, 41, 100)),
  );
  expect(tooMuch).toMatchObject({
    status: 400,
    data: { code: 'INVALID_REQUEST', detail: { field: 'amount.refund' } },
  });
  const rest = await v3(merchant, 'post', 'v3/refund/domestic/refunds', {
    body: refundBody(outTradeNo, `${outTradeNo}B`, 40, 100),
  });
  expect(rest.data.status).toBe('PROCESSING');
  const tasks = (await get(simulator, '/sim/tasks')).body as {
    tasks: { kind: string; data: unknown }[];
  };
  const settling = tasks.tasks
    .filter((task) => task.kind === 'refund.settle')
    .map((task) => String(task.data));
  expect(settling).toEqual(
    expect.arrayContaining([
      expect.stringContaining(`${outTradeNo}A`),
      expect.stringContaining(`${outTradeNo}B`),
    ]),
  );
  const listed = (await get(simulator, '/sim/refunds')).body as {
    refunds: { outRefundNo: string; refund: number }[];
  };
  expect(
    listed.refunds
      .filter((item) => item.outRefundNo.startsWith(outTradeNo))
      .map((item) => item.refund),
  ).toEqual([60, 40]);
  const wrongTotal = await refusal(
    merchant.wxpay
      .chain('v3/refund/domestic/refunds')
      .post(refundBody(outTradeNo, `${outTradeNo}C`, 1, 99)),
  );
  expect(wrongTotal).toMatchObject({
    status: 400,
    data: { code: 'PARAM_ERROR', detail: { field: 'amount.total' } },
  });
});

it('a refund settled ABNORMAL, then CLOSED, notifies each; its amount can be refunded again', async () => {
  receiver.received.length = 0;
  const outTradeNo = await paidOrder(50);
  const outRefundNo = `${outTradeNo}X`;
  await v3(merchant, 'post', 'v3/refund/domestic/refunds', {
    body: refundBody(outTradeNo, outRefundNo, 50, 50),
  });
  const settle = (status: string) =>
    post(simulator, '/sim/refunds/settle', {
      mchid: merchant.mchid,
      out_refund_no: outRefundNo,
      status,
    });
  expect((await settle('ABNORMAL')).body).toEqual({
    out_refund_no: outRefundNo,
    status: 'ABNORMAL',
  });
  expect((await settle('CLOSED')).body).toEqual({ out_refund_no: outRefundNo, status: 'CLOSED' });
  expect(await settle('SUCCESS')).toMatchObject({ status: 400, body: { code: 'INVALID_REQUEST' } });
  const received = await receiver.waitFor(2);
  const { publicKey } = merchant.registered;
  const events = received.map((item) => {
    const result = verifyNotification(
      { headers: item.headers, body: item.body },
      { platformKeys: { [publicKey.id]: publicKey.pem }, apiV3Key: API_V3_KEY },
    );
    if (!result.ok) throw new Error(result.message);
    return [
      result.notification.event_type,
      (result.resource as { refund_status: string }).refund_status,
    ];
  });
  expect(events).toEqual([
    ['REFUND.ABNORMAL', 'ABNORMAL'],
    ['REFUND.CLOSED', 'CLOSED'],
  ]);
  const queried = await v3(merchant, 'get', `v3/refund/domestic/refunds/${outRefundNo}`);
  expect(queried.data.status).toBe('CLOSED');
  const again = await v3(merchant, 'post', 'v3/refund/domestic/refunds', {
    body: refundBody(outTradeNo, `${outTradeNo}Y`, 50, 50),
  });
  expect(again.data.status).toBe('PROCESSING');
});

it('a refund without notify_url is notified to the refundNotifyUrl the merchant registered', async () => {
  receiver.received.length = 0;
  const outTradeNo = await paidOrder(10);
  const { notify_url: _unused, ...body } = refundBody(outTradeNo, `${outTradeNo}Z`, 10, 10);
  await v3(merchant, 'post', 'v3/refund/domestic/refunds', { body });
  // The advance answers once the refunds due settled and their notifications were sent.
  await post(simulator, '/sim/clock/advance', { seconds: 61 });
  const toConsole = receiver.received.filter((item) => item.url === '/pay/notify?from=console');
  expect(toConsole).toHaveLength(1);
  expect(JSON.parse(toConsole[0]?.body ?? '{}')).toMatchObject({ event_type: 'REFUND.SUCCESS' });
});
