import type { FastifyPluginAsync } from 'fastify';
import type { Merchant } from '../../merchants/merchant';
import { readRegistration } from '../../merchants/registration';

/** What a registration answers: the platform's certificate and public key for the merchant. */
export function registrationAnswer(merchant: Merchant) {
  const { certificate, publicKey } = merchant.platform;
  return {
    mchid: merchant.mchid,
    platformCertificate: { serial: certificate.serial, pem: certificate.pem },
    publicKey: { id: publicKey.serial, pem: publicKey.pem },
  };
}

/**
 * `POST /sim/merchants` registers a merchant, or updates it (its platform keys stay): 201 with
 * the platform certificate and the WeChat Pay public key to verify answers and notifications.
 * `GET /sim/merchants` lists them (no secrets).
 */
const merchantRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.post('/sim/merchants', async (request, reply) => {
    const merchant = await fastify.sim.merchants.register(readRegistration(request.body));
    fastify.sim.journal.changed('merchant', merchant.mchid);
    return reply.code(201).send(registrationAnswer(merchant));
  });

  fastify.get('/sim/merchants', async () => ({
    merchants: fastify.sim.merchants.list().map((merchant) => ({
      mchid: merchant.mchid,
      appids: merchant.record.appids,
      signing: merchant.record.signing,
      subMerchants: merchant.record.subMerchants,
      merchantSerial: merchant.record.merchantSerial,
      platformCertificateSerial: merchant.platform.certificate.serial,
      publicKeyId: merchant.platform.publicKey.serial,
      registeredAt: merchant.record.registeredAt,
    })),
  }));
};

export default merchantRoutes;
