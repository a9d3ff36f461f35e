import { createHash, createHmac, createPublicKey, verify } from 'node:crypto';
import type { MockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import { call, createOrder, startTestBackend } from './helpers/backend';

let backend: MockBackend;

beforeAll(async () => {
  backend = await startTestBackend({ activeQueryAfterMs: -1 });
});

afterAll(async () => {
  await backend.close();
});

function verifyRsaPaySign(params: Record<string, string>, packageValue: string): boolean {
  const message = `${backend.appId}\n${params.timeStamp}\n${params.nonceStr}\n${packageValue}\n`;
  return verify(
    'sha256',
    Buffer.from(message),
    createPublicKey(backend.merchantPublicKeyPem),
    Buffer.from(params.paySign ?? '', 'base64'),
  );
}

describe('GET /health', () => {
  it('answers { ok: true }', async () => {
    const answer = await call(backend, 'GET', '/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ok: true });
  });
});

describe('POST /api/login', () => {
  it('turns a code into a stable openid and never returns the session_key', async () => {
    const first = await call(backend, 'POST', '/api/login', { code: 'code-alice' });
    const again = await call(backend, 'POST', '/api/login', { code: 'code-alice' });
    const other = await call(backend, 'POST', '/api/login', { code: 'code-bob' });
    expect(first.status).toBe(200);
    expect(Object.keys(first.body)).toEqual(['openid']);
    expect(first.body.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    expect(again.body.openid).toBe(first.body.openid);
    expect(other.body.openid).not.toBe(first.body.openid);
  });

  it('refuses a missing or empty code', async () => {
    expect((await call(backend, 'POST', '/api/login', {})).status).toBe(400);
    expect((await call(backend, 'POST', '/api/login', { code: '' })).body.error.code).toBe(
      'VALIDATION_FAILED',
    );
  });
});

describe('GET /api/products', () => {
  it('lists a product of each kind, with its host API and prices in fen', async () => {
    const { body } = await call(backend, 'GET', '/api/products');
    const apis: Record<string, string> = {
      goods: 'requestPayment',
      coins: 'requestVirtualPayment',
      item: 'requestVirtualPayment',
      'component-goods': 'requestOrderPayment',
      'b2b-goods': 'requestCommonPayment',
      'plugin-goods': 'requestPluginPayment',
      'cash-out': 'requestMerchantTransfer',
    };
    const kinds = new Set(body.products.map((product: { kind: string }) => product.kind));
    expect(kinds).toEqual(new Set(Object.keys(apis)));
    for (const product of body.products) {
      expect(Number.isInteger(product.price)).toBe(true);
      expect(product.api).toBe(apis[product.kind]);
    }
    const coins = body.products.find((product: { id: string }) => product.id === 'coins-60');
    expect(coins).toMatchObject({ mode: 'short_series_coin', coins: 60, price: 600 });
  });
});

describe('GET /sim/merchant-key and /sim/config', () => {
  it('serves the merchant public key as PEM and the identifiers', async () => {
    const key = await call(backend, 'GET', '/sim/merchant-key');
    expect(key.text).toContain('-----BEGIN PUBLIC KEY-----');
    expect(key.text).toBe(backend.merchantPublicKeyPem);
    const config = await call(backend, 'GET', '/sim/config');
    expect(config.body).toMatchObject({
      appId: backend.appId,
      mchId: backend.mchId,
      offerId: backend.offerId,
      activeQueryAfterMs: -1,
    });
    expect(config.body.notifyRetryDelaysMs.slice(0, 4)).toEqual([15, 15, 30, 180]);
  });
});

describe('POST /api/orders, payment profiles', () => {
  it('wechat-v3 (default): RSA paySign over appId, timeStamp, nonceStr, package', async () => {
    const order = await createOrder(backend, { productId: 'mug', quantity: 2 });
    expect(order).toMatchObject({ kind: 'payment', amount: 7800 });
    expect(order.orderId).toMatch(/^[0-9A-Za-z]{6,32}$/);
    const { params } = order;
    expect(Object.keys(params).sort()).toEqual([
      'nonceStr',
      'package',
      'paySign',
      'signType',
      'timeStamp',
    ]);
    expect(params.signType).toBe('RSA');
    expect(params.timeStamp).toMatch(/^[0-9]{10}$/);
    expect(params.nonceStr.length).toBeLessThanOrEqual(32);
    expect(params.package).toMatch(/^prepay_id=wx[0-9a-f0-9]{34}$/);
    expect(verifyRsaPaySign(params, params.package)).toBe(true);
  });

  it('psp: the package is under pkg (metadata.wechatpay shape)', async () => {
    const order = await createOrder(backend, { productId: 'sticker', profile: 'psp' });
    expect(order.params.package).toBeUndefined();
    expect(order.params.pkg).toMatch(/^prepay_id=/);
    expect(verifyRsaPaySign(order.params, order.params.pkg)).toBe(true);
  });

  it.each([
    ['wechat-v2-md5', 'MD5'],
    ['wechat-v2-hmac', 'HMAC-SHA256'],
  ])('%s: uppercase %s over the five sorted fields and the v2 key', async (profile, signType) => {
    const { params } = await createOrder(backend, { productId: 'sticker', profile });
    expect(params.signType).toBe(signType);
    const signString = `appId=${backend.appId}&nonceStr=${params.nonceStr}&package=${params.package}&signType=${signType}&timeStamp=${params.timeStamp}&key=${backend.keys.v2ApiKey}`;
    const expected =
      signType === 'MD5'
        ? createHash('md5').update(signString).digest('hex')
        : createHmac('sha256', backend.keys.v2ApiKey).update(signString).digest('hex');
    expect(params.paySign).toBe(expected.toUpperCase());
  });
});
