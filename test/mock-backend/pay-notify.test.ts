import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { MockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import { call, createOrder, orderStatus, startTestBackend } from './helpers/backend';
import { forgePayNotification, paidTransaction } from './helpers/notifications';

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
    expect(answer.body).toEqual({
      code: 'FAIL',
      message: expect.stringMatching(
        /^Wechatpay-Signature does not verify with the key of serial /,
      ),
    });
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
    const config = (await call(backend, 'GET', '/sim/config')).body;
    expect((await postNotify(unknownSerial)).body.message).toBe(
      `Wechatpay-Serial "ABC" names no key in options.platformKeys (known: ${config.platformSerial}, ${config.wechatpayPublicKeyId}).`,
    );
    expect((await orderStatus(backend, order.orderId)).state).toBe('pending');
  });

  it('refuses a timestamp 5 minutes off (stale or replayed later), either way', async () => {
    const { order, transaction } = await pendingPayment();
    // A real clock: 10 s past the 300 s window, so that a second ticking over between here and
    // the server cannot bring one inside (notify-signing.test.ts pins the exact boundary).
    const now = Math.floor(Date.now() / 1000);
    for (const timestampSeconds of [now - 310, now + 310, now - 86_400]) {
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
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({
      code: 'FAIL',
      message: 'the Wechatpay-Nonce header is missing.',
    });

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
    const undecryptable = await postNotify({ body: reencoded, headers });
    expect(undecryptable.status).toBe(400);
    expect(undecryptable.body).toEqual({
      code: 'FAIL',
      message: expect.stringMatching(/^the resource does not decrypt: /),
    });
    const notJson = signHeaders(
      backend.keys,
      'not json',
      {},
      resigned.headers['Wechatpay-Serial'] ?? '',
    );
    const notJsonAnswer = await postNotify({ body: 'not json', headers: notJson });
    expect(notJsonAnswer.status).toBe(400);
    expect(notJsonAnswer.body.message).toMatch(/^the body is not JSON/);
  });
});
