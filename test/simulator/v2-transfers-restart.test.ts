// What API v2 and transfer bills keep survives a restart with a data directory: an HMAC-SHA256
// order is still notified signed HMAC-SHA256, a bill's package still opens the confirmation
// page, and a bill's 24 hours still run on the test clock.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { verifyNotification } from 'miniprogram-pay/server';
import type { Simulator } from '../../simulator/src/server';
import { advance, newOutTradeNo } from './helpers/flow';
import { type Receiver, startReceiver } from './helpers/receiver';
import { API_V3_KEY, startTestSimulator, type TestMerchant } from './helpers/simulator';
import {
  confirmPage,
  createBill,
  newOutBillNo,
  queryBill,
  transferBillOf,
} from './helpers/transfer-bills';
import { v2Client, v2PaymentParams, v2Post, verifiedV2Xml } from './helpers/v2-client';
import {
  INSTITUTION,
  payAtCashier,
  registerInstitution,
  v2Order,
  XML_ACK,
} from './helpers/v2-orders';

let dataDir: string;
let receiver: Receiver;
let simulator: Simulator | undefined;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'wechatpay-simulator-'));
  receiver = await startReceiver(() => ({ status: 200, body: XML_ACK }));
});
afterAll(async () => {
  await simulator?.close();
  await receiver.close();
  await rm(dataDir, { recursive: true, force: true });
});

function decrypted(merchant: TestMerchant, index: number): Record<string, unknown> {
  const received = receiver.received[index];
  const { publicKey } = merchant.registered;
  const result = verifyNotification(
    { headers: received?.headers ?? {}, body: received?.body ?? '' },
    { platformKeys: { [publicKey.id]: publicKey.pem }, apiV3Key: API_V3_KEY },
  );
  if (!result.ok) throw new Error(`notification ${index} refused: ${result.message}`);
  return result.resource as Record<string, unknown>;
}

it('pays, confirms and expires after a restart what was made before it', async () => {
  const first = await startTestSimulator({ dataDir });
  const before = await registerInstitution(first);
  const outTradeNo = newOutTradeNo('V2');
  const order = v2Order(outTradeNo, receiver.url, { sign_type: 'HMAC-SHA256' });
  const { prepay_id: prepayId = '' } = await v2Post(v2Client(first, before), 'unifiedorder', order);
  const confirmed = newOutBillNo();
  const expiring = newOutBillNo();
  const { package_info: packageInfo } = await createBill(
    before,
    transferBillOf(confirmed, receiver.url),
  );
  await createBill(before, transferBillOf(expiring, receiver.url));
  await first.close();

  simulator = await startTestSimulator({ dataDir });
  const after = await registerInstitution(simulator);
  expect(await payAtCashier(simulator, v2PaymentParams(prepayId, 'HMAC-SHA256'))).toEqual({
    errMsg: 'requestPayment:ok',
  });
  await receiver.waitFor(1);
  expect(verifiedV2Xml(receiver.received[0]?.body ?? '')).toMatchObject({
    out_trade_no: outTradeNo,
    sign_type: 'HMAC-SHA256',
  });

  expect(await confirmPage(simulator, packageInfo, 'pay', { mchId: INSTITUTION })).toEqual({
    errMsg: 'requestMerchantTransfer:ok',
  });
  await receiver.waitFor(2);
  expect(decrypted(after, 1)).toMatchObject({ out_bill_no: confirmed, state: 'SUCCESS' });

  await advance(simulator, 24 * 3600);
  await receiver.waitFor(3);
  expect(decrypted(after, 2)).toMatchObject({
    out_bill_no: expiring,
    fail_reason: 'OVERDUE_CLOSE',
  });
  expect((await queryBill(after, expiring)).state).toBe('FAIL');
});
