// A storm of malformed requests: every one gets a WeChat-shaped refusal (a status of WeChat
// Pay's table, `{ code, message }`, never a 5xx, never fastify's own shape), and a good signed
// flow still works after it. fast-check draws the requests from a fixed seed, so a run is
// repeatable; a failure prints the smallest request that still fails.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Simulator } from '../../simulator/src/server';
import { cashier, createOrder, newOutTradeNo, paymentParams } from './helpers/flow';
import { authorizationCase, authorizationCases } from './helpers/fuzz/authorization';
import { bodyCase, bodyPlans } from './helpers/fuzz/bodies';
import {
  expectWeChatRefusal,
  FUZZ_MCHID,
  FUZZ_NOTIFY_URL,
  FUZZ_SUB_MCHID,
  type FuzzCase,
  signedRequest,
} from './helpers/fuzz/context';
import { httpCase, httpPlans } from './helpers/fuzz/http-level';
import { pathCase, pathPlans } from './helpers/fuzz/paths';
import { simCase, simPlans } from './helpers/fuzz/sim-routes';
import { sendRaw } from './helpers/raw-http';
import { registerMerchant, startTestSimulator, type TestMerchant, v3 } from './helpers/simulator';

/** The storm is the same on every run. */
const SEED = 20_260_017;

jest.setTimeout(120_000);

let simulator: Simulator;
let merchant: TestMerchant;
let dataDir: string;
beforeAll(async () => {
  // With a data directory, so that whatever a request leaves in the state must also save.
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'simulator-fuzz-'));
  simulator = await startTestSimulator({ dataDir });
  merchant = await registerMerchant(simulator, {
    mchid: FUZZ_MCHID,
    extra: { subMerchants: [{ mchid: FUZZ_SUB_MCHID }] },
  });
});
afterAll(async () => {
  await simulator.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** Sends each drawn request and checks its refusal. */
async function storm<T>(plans: fc.Arbitrary<T>, toCase: (plan: T) => FuzzCase, numRuns: number) {
  await fc.assert(
    fc.asyncProperty(plans, async (plan) => {
      const fuzzCase = toCase(plan);
      expectWeChatRefusal(await sendRaw(simulator.port, fuzzCase.request), fuzzCase);
    }),
    { seed: SEED, numRuns },
  );
  // Still serving: a good signed request is answered and signed.
  const answer = await sendRaw(simulator.port, signedRequest('GET', '/v3/certificates'));
  expect(answer.status).toBe(200);
  expect(answer.headers['wechatpay-signature']).toBeTruthy();
}

it('refuses a malformed or wrong Authorization with 401 SIGN_ERROR (700 requests)', async () => {
  await storm(authorizationCases, authorizationCase, 700);
});

it('refuses what HTTP itself refuses with 400 INVALID_REQUEST (500 requests)', async () => {
  await storm(httpPlans, httpCase, 500);
});

it('refuses a signed request whose body is wrong with 400, naming the wrong field (900 requests)', async () => {
  await storm(bodyPlans, bodyCase, 900);
});

it('refuses unknown and odd paths, signed or not, with a 4xx (700 requests)', async () => {
  await storm(pathPlans, pathCase, 700);
});

it("refuses malformed requests to the simulator's own routes with 400 (400 requests)", async () => {
  await storm(simPlans, simCase, 400);
});

it('serves a whole signed flow after the storm: create, pay, notify, query', async () => {
  const outTradeNo = newOutTradeNo('FUZZ');
  const prepayId = await createOrder(merchant, outTradeNo, FUZZ_NOTIFY_URL);
  expect(await cashier(simulator, paymentParams(prepayId))).toEqual({
    errMsg: 'requestPayment:ok',
  });
  const query = await v3(merchant, 'get', `v3/pay/transactions/out-trade-no/${outTradeNo}`, {
    query: { mchid: FUZZ_MCHID },
  });
  expect(query.data).toMatchObject({ out_trade_no: outTradeNo, trade_state: 'SUCCESS' });
  const requests = (await (await fetch(`${simulator.url}/sim/requests?limit=5000`)).json()) as {
    requests: { status: number }[];
  };
  expect(requests.requests.filter((entry) => entry.status >= 500)).toEqual([]);
});
