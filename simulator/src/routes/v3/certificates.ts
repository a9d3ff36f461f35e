import type { FastifyPluginAsync } from 'fastify';
import { authenticatedMerchant } from '../../auth/v3-auth';
import { encryptAead } from '../../crypto/aead';
import { rfc3339Beijing } from '../../lib/time';

/**
 * `GET /v3/certificates`: the platform certificate of the merchant, encrypted with its APIv3
 * key (associated data `certificate`). Served in every signing mode, so that an SDK that
 * downloads certificates at start works against a public-key merchant too.
 */
const certificateRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.get('/v3/certificates', async (request) => {
    const merchant = authenticatedMerchant(request);
    const { certificate } = merchant.platform;
    return {
      data: [
        {
          serial_no: certificate.serial,
          effective_time: rfc3339Beijing(certificate.notBefore),
          expire_time: rfc3339Beijing(certificate.notAfter),
          encrypt_certificate: encryptAead(
            merchant.record.apiV3Key,
            certificate.pem,
            'certificate',
          ),
        },
      ],
    };
  });
};

export default certificateRoutes;
