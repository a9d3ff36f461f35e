// The platform half of login and app credentials: /sns/jscode2session (the same code, the same
// user as the mock backend gives), /cgi-bin/token and stable_token, and the AppSecret a
// merchant registers.
import { createHash } from 'node:crypto';
import type { Simulator } from '../../simulator/src/server';
import { APP_SECRET, getJson, login, registerFamilyMerchant } from './helpers/family';
import { merchantKeys } from './helpers/keys';
import { APPID, post, registerMerchant, startTestSimulator } from './helpers/simulator';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startTestSimulator();
  await registerFamilyMerchant(simulator, { mchid: '1900000601' });
});
afterAll(async () => {
  await simulator.close();
});

function jscode2session(query: Record<string, string>) {
  return getJson(simulator, `/sns/jscode2session?${new URLSearchParams(query)}`);
}

const valid = {
  appid: APPID,
  secret: APP_SECRET,
  js_code: 'alice',
  grant_type: 'authorization_code',
};

describe('GET /sns/jscode2session', () => {
  it("answers the mock backend's openid for a code, and the same session_key each time", async () => {
    const first = await jscode2session(valid);
    expect(first.status).toBe(200);
    const digest = createHash('sha256').update('mock-openid:alice').digest('base64url');
    expect(first.body).toEqual({
      openid: `o${digest.slice(0, 27)}`,
      session_key: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/),
    });
    expect((await jscode2session(valid)).body).toEqual(first.body);
    expect((await login(simulator, 'bob')).openid).not.toBe(first.body.openid);
  });

  it.each([
    [
      { secret: 'not-the-secret' },
      40125,
      /^invalid appsecret, hint: \[.+\] rid: [0-9a-f]+-[0-9a-f]{8}-[0-9a-f]{8}$/,
    ],
    [{ appid: 'wx0000000000000000' }, 40013, /^invalid appid/],
    [{ js_code: '' }, 41008, /^missing code/],
    [{ appid: '' }, 41002, /^appid missing/],
    [{ secret: '' }, 41004, /^appsecret missing/],
    [{ grant_type: 'client_credential' }, 40002, /^invalid grant_type/],
    [{ js_code: 'a code with spaces' }, 40029, /^invalid code/],
  ])('refuses %j with errcode %i', async (change, errcode, errmsg) => {
    const answer = await jscode2session({ ...valid, ...change });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ errcode, errmsg: expect.stringMatching(errmsg) });
  });

  it('takes any AppSecret for an AppID no merchant gave one for', async () => {
    await registerMerchant(simulator, {
      mchid: '1900000602',
      extra: { appids: ['wx7777777777777777'] },
    });
    const answer = await jscode2session({ ...valid, appid: 'wx7777777777777777', secret: 'any' });
    expect(answer.body).toMatchObject({ openid: expect.stringMatching(/^o.{27}$/) });
  });

  it('journals each login with its verdict', async () => {
    await jscode2session({ ...valid, secret: 'wrong' });
    const { body } = await getJson(simulator, '/sim/requests?limit=1');
    expect(body.requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        verdict: { verified: false, reason: `the AppSecret of ${APPID} is wrong` },
        code: '40125',
      }),
    ]);
  });

  it('journals the URL with the AppSecret masked, so the dashboard never shows it', async () => {
    await jscode2session({ ...valid, secret: 'not-for-the-dashboard' });
    const { body } = await getJson(simulator, '/sim/requests?limit=1');
    const [entry] = body.requests as { url: string }[];
    expect(entry?.url).toContain('secret=***');
    expect(entry?.url).not.toContain('not-for-the-dashboard');
  });
});

describe('access tokens', () => {
  it('/cgi-bin/token issues a token valid 7200 s; stable_token keeps one until refreshed', async () => {
    const query = new URLSearchParams({
      grant_type: 'client_credential',
      appid: APPID,
      secret: APP_SECRET,
    });
    const token = await getJson(simulator, `/cgi-bin/token?${query}`);
    expect(token.body).toEqual({ access_token: expect.any(String), expires_in: 7200 });
    const stable = { grant_type: 'client_credential', appid: APPID, secret: APP_SECRET };
    const first = (await post(simulator, '/cgi-bin/stable_token', stable)).body;
    const again = (await post(simulator, '/cgi-bin/stable_token', stable)).body;
    const refreshed = (
      await post(simulator, '/cgi-bin/stable_token', { ...stable, force_refresh: true })
    ).body;
    expect(again).toMatchObject({ access_token: (first as { access_token: string }).access_token });
    expect(refreshed).not.toMatchObject({
      access_token: (first as { access_token: string }).access_token,
    });
    const wrong = await post(simulator, '/cgi-bin/stable_token', { ...stable, secret: 'x' });
    expect(wrong.body).toMatchObject({ errcode: 40125 });
  });
});

describe('POST /sim/merchants: appSecrets', () => {
  it.each([
    [{ wx0000000000000000: 'secret' }, 'appSecrets.wx0000000000000000'],
    [{ [APPID]: 7 }, `appSecrets.${APPID}`],
    [['secret'], 'appSecrets'],
  ])('refuses %j naming %s', async (appSecrets, field) => {
    const answer = await post(simulator, '/sim/merchants', {
      mchid: '1900000603',
      appids: [APPID],
      merchantSerial: 'ABC',
      merchantPublicKey: merchantKeys(0).publicKeyPem,
      apiV3Key: 'A'.repeat(32),
      appSecrets,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'PARAM_ERROR', detail: { field } });
  });
});
