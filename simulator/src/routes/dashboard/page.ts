import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Asset } from '../../dashboard/assets';
import { WeChatError } from '../../errors/wechat-error';

/** Only this server: no CDN, no external font, nothing inline. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'";

/** `GET /`: the dashboard page; `GET /dashboard/assets/<file>`: its scripts and styles. */
const dashboardPageRoutes: FastifyPluginAsync = async (fastify) => {
  const { assets } = fastify.sim.dashboard;
  const send = (reply: FastifyReply, asset: Asset) =>
    reply
      .header('content-type', asset.type)
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .send(asset.body);

  fastify.get('/', async (_request, reply) => {
    const page = assets.get('index.html');
    if (!page) throw new Error('the dashboard page is missing from the simulator');
    return send(reply, page);
  });

  fastify.get<{ Params: { name: string } }>('/dashboard/assets/:name', async (request, reply) => {
    const asset = assets.get(request.params.name);
    if (!asset) {
      throw new WeChatError(404, 'NOT_FOUND', `The dashboard has no file ${request.params.name}.`);
    }
    return send(reply, asset);
  });
};

export default dashboardPageRoutes;
