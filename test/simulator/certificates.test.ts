// GET /v3/certificates through wechatpay-axios-plugin: the SDK signs, the simulator verifies,
// answers signed and encrypted; the SDK verifies the answer, the test decrypts and uses it.
import { X509Certificate } from 'node:crypto';
import { Aes } from 'wechatpay-axios-plugin';
import type { Simulator } from '../../simulator/src/server';
import { API_V3_KEY, registerMerchant, startTestSimulator } from './helpers/simulator';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startTestSimulator();
});
afterAll(() => simulator.close());

interface CertificatesAnswer {
  data: {
    serial_no: string;
    effective_time: string;
    expire_time: string;
    encrypt_certificate: {
      algorithm: string;
      nonce: string;
      associated_data: string;
      ciphertext: string;
    };
  }[];
}

describe.each(['certificate', 'public-key'] as const)(
  'GET /v3/certificates, %s mode',
  (signing) => {
    it('answers the platform certificate, encrypted with the APIv3 key, the answer verified by the SDK', async () => {
      const merchant = await registerMerchant(simulator, {
        signing,
        mchid: `19000001${signing.length}`,
      });
      const response = await merchant.wxpay.chain('v3/certificates').get();
      expect(response.status).toBe(200);
      const expectedSerial =
        signing === 'certificate'
          ? merchant.registered.platformCertificate.serial
          : merchant.registered.publicKey.id;
      expect(response.headers['wechatpay-serial']).toBe(expectedSerial);
      expect(response.headers['request-id']).toMatch(/^[0-9A-F]{40}-0$/);
      const [entry] = (response.data as CertificatesAnswer).data;
      expect(entry?.serial_no).toBe(merchant.registered.platformCertificate.serial);
      expect(entry?.encrypt_certificate).toMatchObject({
        algorithm: 'AEAD_AES_256_GCM',
        associated_data: 'certificate',
      });
      const { ciphertext, nonce, associated_data } = entry?.encrypt_certificate ?? {
        ciphertext: '',
        nonce: '',
        associated_data: '',
      };
      const pem = Aes.AesGcm.decrypt(ciphertext, API_V3_KEY, nonce, associated_data);
      expect(pem).toBe(merchant.registered.platformCertificate.pem);
      const certificate = new X509Certificate(pem);
      expect(certificate.serialNumber).toBe(entry?.serial_no);
      expect(Date.parse(certificate.validFrom)).toBe(Date.parse(entry?.effective_time ?? ''));
    });
  },
);
