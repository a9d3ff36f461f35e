import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { MockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import {
  call,
  cashier,
  createOrder,
  orderStatus,
  payOrder,
  startTestBackend,
  waitForState,
} from './helpers/backend';
import { forgePayNotification, forgeVirtualPush, paidTransaction } from './helpers/notifications';

let backend: MockBackend;
let alice: string;

beforeAll(async () => {
  backend = await startTestBackend({ activeQueryAfterMs: -1 });
  alice = (await call(backend, 'POST', '/api/login', { code: 'alice' })).body.openid;
});

afterAll(async () => {
  await backend.close();
});

async function pendingPayment(productId = 'mug') {
  const order = await createOrder(backend, { productId, openid: alice });
  const transaction = paidTransaction({
    appId: backend.appId,
    mchId: backend.mchId,
    orderId: order.orderId,
    total: order.amount,
    openid: alice,
  });
  return { order, transaction };
}

function postNotify(notification: { body: string; headers: Record<string, string> }) {
  return call(backend, 'POST', '/pay/notify', notification.body, notification.headers);
}

describe('POST /pay/notify (WeChat Pay v3 notification)', () => {
  it('accepts a signed, encrypted notification with 204 and marks the order paid', async () => {
    const { order, transaction } = await pendingPayment();
    const answer = await postNotify(forgePayNotification(backend.keys, transaction));
    expect(answer.status).toBe(204);
    expect(await orderStatus(backend, order.orderId)).toMatchObject({
      state: 'paid',
      tradeState: 'SUCCESS',
      transactionId: transaction.transaction_id,
      paidAt: transaction.success_time,
    });
  });

  it('takes a duplicate (same notification twice) idempotently', async () => {
    const { order, transaction } = await pendingPayment();
    const notification = forgePayNotification(backend.keys, transaction);
    expect((await postNotify(notification)).status).toBe(204);
    const first = await orderStatus(backend, order.orderId);
    expect((await postNotify(notification)).status).toBe(204);
    const again = forgePayNotification(backend.keys, {
      ...transaction,
      transaction_id: '4200000000000000000000000999',
    });
    expect((await postNotify(again)).status).toBe(204);
    expect(await orderStatus(backend, order.orderId)).toEqual(first);
  });

  it('refuses a tampered body, and the order does not change', async () => {
    const { order, transaction } = await pendingPayment();
    const notification = forgePayNotification(backend.keys, transaction);
    const tampered = {
      ...notification,
      body: notification.body.replace('TRANSACTION.SUCCESS', 'TRANSACTION.SUCCESS '),
    };
    const answer = await postNotify(tampered);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ code: 'FAIL', message: 'Wechatpay-Signature does not verify' });
    expect((await orderStatus(backend, order.orderId)).state).toBe('pending');
  });

  it('refuses a notification signed by another key or naming an unknown serial', async () => {
    const { order, transaction } = await pendingPayment();
    // The WeChat Pay documentation test key: a valid RSA key that is not the platform's.
    const stranger = readFileSync(
      path.join(__dirname, '..', 'fixtures', 'vectors', 'wechatpay-doc-test-key.pem'),
      'utf8',
    );
    const forged = forgePayNotification(backend.keys, transaction, { signingKeyPem: stranger });
    expect((await postNotify(forged)).status).toBe(401);
    const unknownSerial = forgePayNotification(backend.keys, transaction, { serial: 'ABC' });
    expect((await postNotify(unknownSerial)).body.message).toBe('unknown Wechatpay-Serial');
    expect((await orderStatus(backend, order.orderId)).state).toBe('pending');
  });

  it('refuses a timestamp 5 minutes off (stale or replayed later), either way', async () => {
    const { order, transaction } = await pendingPayment();
    const now = Math.floor(Date.now() / 1000);
    for (const timestampSeconds of [now - 301, now + 301, now - 86_400]) {
      const answer = await postNotify(
        forgePayNotification(backend.keys, transaction, { timestampSeconds }),
      );
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('FAIL');
    }
    const justInside = forgePayNotification(backend.keys, transaction, {
      timestampSeconds: now - 290,
    });
    expect((await postNotify(justInside)).status).toBe(204);
    expect((await orderStatus(backend, order.orderId)).state).toBe('paid');
  });

  it('does not reopen a closed order', async () => {
    const { order, transaction } = await pendingPayment();
    await call(backend, 'POST', `/api/orders/${order.orderId}/close`);
    expect((await postNotify(forgePayNotification(backend.keys, transaction))).status).toBe(204);
    expect(await orderStatus(backend, order.orderId)).toMatchObject({
      state: 'closed',
      tradeState: 'CLOSED',
    });
  });

  it('refuses a wrong amount, currency, payer, merchant or an unknown order', async () => {
    const { order, transaction } = await pendingPayment();
    const amount = transaction.amount as Record<string, unknown>;
    const refusals: [Record<string, unknown>, number][] = [
      [{ ...transaction, amount: { ...amount, total: 1 } }, 400],
      [{ ...transaction, amount: { ...amount, currency: 'USD' } }, 400],
      [{ ...transaction, payer: { openid: 'oSomeoneElse' } }, 400],
      [{ ...transaction, mchid: '1900000000' }, 400],
      [{ ...transaction, out_trade_no: 'MPunknown' }, 404],
      [{ ...transaction, trade_state: 'WHATEVER' }, 400],
      [{ ...transaction, transaction_id: undefined }, 400],
    ];
    for (const [plaintext, status] of refusals) {
      const answer = await postNotify(forgePayNotification(backend.keys, plaintext));
      expect(answer.status).toBe(status);
      expect(answer.body.code).toBe('FAIL');
    }
    expect((await orderStatus(backend, order.orderId)).state).toBe('pending');
  });

  it('refuses missing headers, a non-JSON body and an undecryptable resource', async () => {
    const { transaction } = await pendingPayment();
    const good = forgePayNotification(backend.keys, transaction);
    const { 'Wechatpay-Nonce': _nonce, ...withoutNonce } = good.headers as Record<string, string>;
    const missing = await postNotify({ body: good.body, headers: withoutNonce });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('FAIL');

    const body = JSON.parse(good.body);
    body.resource.ciphertext = Buffer.from('garbage that will not decrypt').toString('base64');
    const resigned = forgePayNotification(backend.keys, transaction);
    const reencoded = JSON.stringify(body);
    const { signHeaders } = await import('./helpers/notifications');
    const headers = signHeaders(
      backend.keys,
      reencoded,
      {},
      resigned.headers['Wechatpay-Serial'] ?? '',
    );
    expect((await postNotify({ body: reencoded, headers })).body).toEqual({
      code: 'FAIL',
      message: 'resource does not decrypt',
    });
    const notJson = signHeaders(
      backend.keys,
      'not json',
      {},
      resigned.headers['Wechatpay-Serial'] ?? '',
    );
    expect((await postNotify({ body: 'not json', headers: notJson })).status).toBe(400);
  });
});

describe('notifications sent by the simulated platform', () => {
  it('retries after a 500 on the compressed schedule, then the order is paid', async () => {
    await call(backend, 'POST', '/sim/merchant-faults', { failPayNotifies: 2 });
    const order = await payOrder(
      backend,
      { productId: 'mug', openid: alice },
      { notifyDelayMs: 0 },
    );
    expect(await waitForState(backend, order.orderId)).toBe('paid');
    const { body } = await call(backend, 'GET', `/sim/deliveries?orderId=${order.orderId}`);
    expect(body.deliveries).toHaveLength(1);
    expect(body.deliveries[0].state).toBe('delivered');
    expect(
      body.deliveries[0].attempts.map((attempt: { status: number }) => attempt.status),
    ).toEqual([500, 500, 204]);
    const [first, second, third] = body.deliveries[0].attempts;
    expect(second.at - first.at).toBeGreaterThanOrEqual(14);
    expect(third.at - second.at).toBeGreaterThanOrEqual(14);
  });

  it('sends the notification after notifyDelayMs, not before', async () => {
    const order = await createOrder(backend, { productId: 'mug', openid: alice });
    const started = Date.now();
    await cashier(backend, {
      api: 'requestPayment',
      params: order.params,
      action: 'pay',
      notifyDelayMs: 80,
    });
    expect((await orderStatus(backend, order.orderId)).state).toBe('pending');
    expect((await orderStatus(backend, order.orderId, 2000)).state).toBe('paid');
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
  });

  it('dropNotify never sends it (with active query off the order stays pending)', async () => {
    const order = await payOrder(
      backend,
      { productId: 'mug', openid: alice },
      { dropNotify: true, notifyDelayMs: 0 },
    );
    expect((await orderStatus(backend, order.orderId, 80)).state).toBe('pending');
    const { body } = await call(backend, 'GET', `/sim/deliveries?orderId=${order.orderId}`);
    expect(body.deliveries).toEqual([expect.objectContaining({ state: 'dropped', attempts: [] })]);
  });

  it('refunds: /sim/refund sends REFUND.SUCCESS and the order becomes refunded', async () => {
    const order = await payOrder(
      backend,
      { productId: 'mug', openid: alice },
      { notifyDelayMs: 0 },
    );
    expect(await waitForState(backend, order.orderId)).toBe('paid');
    const refund = await call(backend, 'POST', '/sim/refund', {
      orderId: order.orderId,
      notifyDelayMs: 0,
    });
    expect(refund.body).toEqual({ orderId: order.orderId, refunded: true });
    for (let i = 0; i < 50 && (await orderStatus(backend, order.orderId)).state === 'paid'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await orderStatus(backend, order.orderId)).toMatchObject({
      state: 'refunded',
      tradeState: 'REFUND',
    });
    // A (replayed or forged) success notification cannot undo the refund.
    const view = await orderStatus(backend, order.orderId);
    const success = paidTransaction({
      appId: backend.appId,
      mchId: backend.mchId,
      orderId: order.orderId,
      total: order.amount,
      openid: alice,
      transactionId: view.transactionId,
    });
    expect((await postNotify(forgePayNotification(backend.keys, success))).status).toBe(204);
    expect(await orderStatus(backend, order.orderId)).toEqual(view);
    expect((await call(backend, 'POST', '/sim/refund', { orderId: order.orderId })).status).toBe(
      409,
    );
    expect((await call(backend, 'POST', '/sim/refund', { orderId: 'MPnothing' })).status).toBe(404);
  });
});

describe('POST /pay/virtual-notify (virtual payment push)', () => {
  async function pendingVirtual() {
    const order = await createOrder(backend, { productId: 'extra-life', openid: alice });
    const push = {
      ToUserName: 'gh_test',
      FromUserName: alice,
      CreateTime: Math.floor(Date.now() / 1000),
      MsgType: 'event',
      Event: 'xpay_goods_deliver_notify',
      OpenId: alice,
      OutTradeNo: order.orderId,
      Env: 0,
      WeChatPayInfo: {
        MchOrderNo: 'xpay1',
        TransactionId: '4200000000000000000000000042',
        PaidTime: 1_700_000_000,
      },
      GoodsInfo: {
        ProductId: 'extra-life',
        Quantity: 1,
        OrigPrice: 600,
        ActualPrice: 600,
        Attach: '',
      },
    };
    return { order, push };
  }

  it('accepts a push signed with the AppKey and answers ErrCode 0; a duplicate too', async () => {
    const { order, push } = await pendingVirtual();
    const signed = forgeVirtualPush(backend.keys, push);
    const answer = await call(backend, 'POST', signed.path, signed.body);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ErrCode: 0, ErrMsg: 'success' });
    const paid = await orderStatus(backend, order.orderId);
    expect(paid).toMatchObject({
      state: 'paid',
      tradeState: 'DELIVERED',
      transactionId: '4200000000000000000000000042',
    });
    expect((await call(backend, 'POST', signed.path, signed.body)).body).toEqual({
      ErrCode: 0,
      ErrMsg: 'success',
    });
    expect(await orderStatus(backend, order.orderId)).toEqual(paid);
  });

  it('refuses a bad pay_sig, a sandbox key for a production push, a stale push, a wrong price', async () => {
    const { order, push } = await pendingVirtual();
    const signed = forgeVirtualPush(backend.keys, push);
    const flipped = signed.path.replace(
      /pay_sig=(.)/,
      (_m, c: string) => `pay_sig=${c === '0' ? '1' : '0'}`,
    );
    expect((await call(backend, 'POST', flipped, signed.body)).status).toBe(401);
    expect(
      (
        await call(
          backend,
          'POST',
          signed.path,
          signed.body.replace('"Quantity":1', '"Quantity":2'),
        )
      ).status,
    ).toBe(401);
    const sandboxSigned = forgeVirtualPush(backend.keys, { ...push, Env: 1 });
    const wrongEnv = await call(
      backend,
      'POST',
      sandboxSigned.path.replace(/pay_sig=.*/, signed.path.split('pay_sig=')[1] ?? ''),
      sandboxSigned.body,
    );
    expect(wrongEnv.status).toBeGreaterThanOrEqual(400);
    const stale = forgeVirtualPush(backend.keys, { ...push, CreateTime: push.CreateTime - 600 });
    expect((await call(backend, 'POST', stale.path, stale.body)).body).toEqual({
      ErrCode: -1,
      ErrMsg: 'CreateTime is 5 minutes or more away from now',
    });
    const cheap = forgeVirtualPush(backend.keys, {
      ...push,
      GoodsInfo: { ...push.GoodsInfo, ActualPrice: 1 },
    });
    expect((await call(backend, 'POST', cheap.path, cheap.body)).status).toBe(400);
    expect((await call(backend, 'POST', '/pay/virtual-notify', signed.body)).status).toBe(400);
    expect((await orderStatus(backend, order.orderId)).state).toBe('pending');
  });

  it('the platform retries its push after a 500, then the merchant delivers', async () => {
    await call(backend, 'POST', '/sim/merchant-faults', { failVirtualNotifies: 1 });
    const order = await payOrder(
      backend,
      { productId: 'coins-60', openid: alice },
      { notifyDelayMs: 0 },
    );
    expect(await waitForState(backend, order.orderId)).toBe('paid');
    const { body } = await call(backend, 'GET', `/sim/deliveries?orderId=${order.orderId}`);
    expect(
      body.deliveries[0].attempts.map((attempt: { status: number }) => attempt.status),
    ).toEqual([500, 200]);
    expect((await orderStatus(backend, order.orderId)).tradeState).toBe('PAID');
  });

  it('refunds a virtual order through xpay_refund_notify', async () => {
    const order = await payOrder(
      backend,
      { productId: 'extra-life', openid: alice },
      { notifyDelayMs: 0 },
    );
    expect(await waitForState(backend, order.orderId)).toBe('paid');
    await call(backend, 'POST', '/sim/refund', { orderId: order.orderId, notifyDelayMs: 0 });
    for (let i = 0; i < 50 && (await orderStatus(backend, order.orderId)).state === 'paid'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await orderStatus(backend, order.orderId)).toMatchObject({
      state: 'refunded',
      tradeState: 'REFUNDED',
    });
  });
});
