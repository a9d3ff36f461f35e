import type { FastifyPluginAsync } from 'fastify';
import { useV3Auth } from '../../auth/v3-auth';
import certificateRoutes from './certificates';

/** API v3: every route below verifies its request and signs its answer. */
const v3Routes: FastifyPluginAsync = async (fastify) => {
  useV3Auth(fastify);
  await fastify.register(certificateRoutes);
};

export default v3Routes;
