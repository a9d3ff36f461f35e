import type { FastifyInstance } from 'fastify';
import type { BackendContext } from '../context';

const loginBodySchema = {
  type: 'object',
  required: ['code'],
  properties: { code: { type: 'string', minLength: 1, maxLength: 128 } },
} as const;

/** `POST /api/login { code }` -> `{ openid }`; the session_key stays on the server. */
export function registerLoginRoute(app: FastifyInstance, context: BackendContext): void {
  app.post<{ Body: { code: string } }>(
    '/api/login',
    { schema: { body: loginBodySchema } },
    async (request) => {
      const session = await context.platform.login.code2Session(request.body.code);
      return { openid: session.openid };
    },
  );
}
