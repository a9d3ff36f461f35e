// POST /sim/merchants: platform keys made per merchant (without the platformKeys option), the
// same keys on every registration of a merchant; answers signed with the key the request names.
import { X509Certificate } from 'node:crypto';
import type { Simulator } from '../../simulator/src/server';
import { startSimulator } from '../../simulator/src/server';
import { merchantKeys } from './helpers/keys';
import {
  get,
  post,
  type Registered,
  registerMerchant,
  startTestSimulator,
  v3,
} from './helpers/simulator';

describe('platform keys made per merchant', () => {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = await startSimulator();
  });
  afterAll(() => simulator.close());

  const registration = (mchid: string, change: Record<string, unknown> = {}) => ({
    mchid,
    appids: ['wx8888888888888888'],
    merchantSerial: 'ABC123',
    merchantPublicKey: merchantKeys(0).publicKeyPem,
    apiV3Key: 'ApiV3KeyOfTheTestMerchant0123456',
    ...change,
  });

  it('gives each merchant its own certificate and public key, and the same ones again', async () => {
    const first = await post(simulator, '/sim/merchants', registration('1900000901'));
    const other = await post(simulator, '/sim/merchants', registration('1900000902'));
    const again = await post(
      simulator,
      '/sim/merchants',
      registration('1900000901', {
        signing: 'certificate',
        appids: ['wx8888888888888888', 'wx9999999999999999'],
      }),
    );
    expect([first.status, other.status, again.status]).toEqual([201, 201, 201]);
    const a = first.body as Registered;
    const b = other.body as Registered;
    expect(a.publicKey.id).toMatch(/^PUB_KEY_ID_\d{28}$/);
    expect(a.platformCertificate.serial).toMatch(/^[0-9A-F]{40}$/);
    expect(b.publicKey.id).not.toBe(a.publicKey.id);
    expect(b.platformCertificate.serial).not.toBe(a.platformCertificate.serial);
    expect(again.body).toEqual(a);
    expect(new X509Certificate(a.platformCertificate.pem).serialNumber).toBe(
      a.platformCertificate.serial,
    );
    const listed = (await get(simulator, '/sim/merchants')).body as {
      merchants: { mchid: string; signing: string; appids: string[] }[];
    };
    expect(listed.merchants.find((m) => m.mchid === '1900000901')).toMatchObject({
      signing: 'certificate',
      appids: ['wx8888888888888888', 'wx9999999999999999'],
    });
    expect(JSON.stringify(listed)).not.toContain('PRIVATE KEY');
  });

  it('keeps the objects of later parts as given, and refuses one that is not an object', async () => {
    const virtualPayment = { offerId: '1450000001', appKeys: { production: 'k1', sandbox: 'k2' } };
    const kept = await post(
      simulator,
      '/sim/merchants',
      registration('1900000906', { virtualPayment }),
    );
    expect(kept.status).toBe(201);
    const stored = simulator.app.sim.merchants.find('1900000906');
    expect(stored?.record.extensions).toEqual({ virtualPayment });
    const refused = await post(
      simulator,
      '/sim/merchants',
      registration('1900000907', { b2b: 'x' }),
    );
    expect(refused).toMatchObject({
      status: 400,
      body: { code: 'PARAM_ERROR', detail: { field: 'b2b' } },
    });
  });

  it('takes the merchant public key as a certificate PEM too', async () => {
    const { platformCertificate } = (
      await post(simulator, '/sim/merchants', registration('1900000903'))
    ).body as Registered;
    const answer = await post(
      simulator,
      '/sim/merchants',
      registration('1900000904', { merchantPublicKey: platformCertificate.pem }),
    );
    expect(answer.status).toBe(201);
  });
});

describe('which key signs an answer', () => {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = await startTestSimulator();
  });
  afterAll(() => simulator.close());

  it('the one the request names in Wechatpay-Serial, else the merchant signing mode', async () => {
    const merchant = await registerMerchant(simulator, {
      mchid: '1900000905',
      signing: 'migration',
    });
    const { platformCertificate, publicKey } = merchant.registered;
    for (const serial of [publicKey.id, platformCertificate.serial]) {
      const answer = await v3(merchant, 'get', 'v3/certificates', {
        headers: { 'Wechatpay-Serial': serial },
      });
      expect(answer.headers['wechatpay-serial']).toBe(serial);
    }
  });
});
