import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { ACCESS_TOKEN_LIFETIME_S } from '../../mini-program/access-tokens';
import { checkAppCredentials } from '../../mini-program/app-secrets';
import { WxApiError } from '../../mini-program/wx-api-error';
import { jsonBodyOf, queryValue } from '../../mini-program/wx-api-scope';

/** A code wx.login gives: WeChat's are 32 characters; the simulator takes any 1 to 128. */
const CODE = /^[\x21-\x7e]{1,128}$/;

/**
 * The platform half of login and app credentials, as api.weixin.qq.com serves them:
 * `GET /sns/jscode2session` (code2Session: `{ openid, session_key }`; the same code always the
 * same user, whose session_key stays the same), `GET /cgi-bin/token` and
 * `POST /cgi-bin/stable_token` (`{ access_token, expires_in }`). The AppID must be one a
 * merchant registered, the AppSecret the one registered for it (any, when none was).
 */
const loginRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.get('/sns/jscode2session', async (request) => {
    checkedApp(fastify, request, {
      appid: queryValue(request, 'appid'),
      secret: queryValue(request, 'secret'),
    });
    const code = queryValue(request, 'js_code');
    if (code === undefined) throw new WxApiError(41008, 'missing code', 'send ?js_code=');
    const grantType = queryValue(request, 'grant_type');
    if (grantType !== undefined && grantType !== 'authorization_code') {
      throw new WxApiError(40002, 'invalid grant_type', 'grant_type is authorization_code');
    }
    if (!CODE.test(code)) {
      throw new WxApiError(40029, 'invalid code', 'a code is 1 to 128 printable ASCII characters');
    }
    const session = await fastify.sim.sessions.login(code);
    return { session_key: session.sessionKey, openid: session.openid };
  });

  fastify.get('/cgi-bin/token', async (request) => {
    const grantType = queryValue(request, 'grant_type');
    const appid = checkedApp(fastify, request, {
      appid: queryValue(request, 'appid'),
      secret: queryValue(request, 'secret'),
    });
    if (grantType !== 'client_credential') {
      throw new WxApiError(40002, 'invalid grant_type', 'grant_type is client_credential');
    }
    const token = await fastify.sim.accessTokens.issue(appid);
    return { access_token: token.token, expires_in: ACCESS_TOKEN_LIFETIME_S };
  });

  fastify.post('/cgi-bin/stable_token', async (request) => {
    const { fields } = jsonBodyOf(request);
    const string = (name: string) => {
      const value = fields.raw(name);
      return typeof value === 'string' && value !== '' ? value : undefined;
    };
    const appid = checkedApp(fastify, request, {
      appid: string('appid'),
      secret: string('secret'),
    });
    if (string('grant_type') !== 'client_credential') {
      throw new WxApiError(40002, 'invalid grant_type', 'grant_type is client_credential');
    }
    const forceRefresh = fields.optionalBoolean('force_refresh') ?? false;
    const token = await fastify.sim.accessTokens.stable(appid, forceRefresh);
    const left = Math.floor((token.expiresAt - fastify.sim.clock.now()) / 1000);
    return { access_token: token.token, expires_in: left };
  });
};

/** The AppID, once its AppSecret is checked (41002, 41004, 40013, 40125 otherwise). */
function checkedApp(
  fastify: FastifyInstance,
  request: FastifyRequest,
  credentials: { readonly appid: string | undefined; readonly secret: string | undefined },
): string {
  const { appid, secret } = credentials;
  if (appid === undefined) throw new WxApiError(41002, 'appid missing', 'send appid');
  if (secret === undefined) throw new WxApiError(41004, 'appsecret missing', 'send secret');
  const verdict = checkAppCredentials(fastify.sim.merchants, appid, secret);
  if (verdict === 'unknown-appid') {
    request.sim.verdict = { verified: false, reason: `AppID ${appid} is not registered` };
    throw new WxApiError(
      40013,
      'invalid appid',
      `no merchant registered AppID ${appid}; add it to appids of POST /sim/merchants`,
    );
  }
  if (verdict === 'wrong-secret') {
    request.sim.verdict = { verified: false, reason: `the AppSecret of ${appid} is wrong` };
    throw new WxApiError(
      40125,
      'invalid appsecret',
      `the secret is not the AppSecret registered for ${appid} (appSecrets of POST /sim/merchants)`,
    );
  }
  request.sim.verdict = { verified: true };
  return appid;
}

export default loginRoutes;
