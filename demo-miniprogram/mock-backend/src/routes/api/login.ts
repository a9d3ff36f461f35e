import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LoginBody } from '../../schemas/api';

/** `POST /api/login { code }` -> `{ openid }`; the session_key stays on the server. */
const loginRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post('/api/login', { schema: { body: LoginBody } }, async (request) => {
    const session = await fastify.platform.login.code2Session(request.body.code);
    return { openid: session.openid };
  });
};

export default loginRoutes;
