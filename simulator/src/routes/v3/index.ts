import type { FastifyPluginAsync } from 'fastify';
import { useV3Auth } from '../../auth/v3-auth';
import certificateRoutes from './certificates';
import partnerTransactionRoutes from './partner-transactions';
import refundRoutes from './refunds';
import transactionRoutes from './transactions';
import transferBillRoutes from './transfer-bills';

/** API v3: every route below verifies its request and signs its answer. */
const v3Routes: FastifyPluginAsync = async (fastify) => {
  useV3Auth(fastify);
  await fastify.register(certificateRoutes);
  await fastify.register(transactionRoutes);
  await fastify.register(partnerTransactionRoutes);
  await fastify.register(refundRoutes);
  await fastify.register(transferBillRoutes);
};

export default v3Routes;
