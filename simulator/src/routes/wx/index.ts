import type { FastifyPluginAsync } from 'fastify';
import { useWxApi } from '../../mini-program/wx-api-scope';
import b2bRoutes from './b2b';
import loginRoutes from './login';
import xpayRoutes from './xpay';

/**
 * The mini program's server APIs (api.weixin.qq.com) the payment family needs: login and
 * access tokens, virtual payment's and B2b payment's. Every answer is `{ errcode, errmsg }`
 * shaped, refusals included.
 */
const wxRoutes: FastifyPluginAsync = async (fastify) => {
  useWxApi(fastify);
  await fastify.register(loginRoutes);
  await fastify.register(xpayRoutes);
  await fastify.register(b2bRoutes);
};

export default wxRoutes;
