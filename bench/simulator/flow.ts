import { signPayment } from '../../src/server/index';
import type { BenchMerchant } from './merchant';
import type { NotificationReceiver } from './receiver';
import type { Tally } from './rsa';

/**
 * The RSA signatures one flow must make, both sides: the merchant signs the order request, the
 * paySign and the query request; the platform signs the order's answer, the notification and
 * the query's answer. (Each is verified once on the other side: six verifications, not counted.)
 */
export const SIGNATURES_PER_FLOW = 6;
export const VERIFICATIONS_PER_FLOW = 6;

let sequence = 0;

/**
 * One payment, as a merchant server and a phone make it: create the JSAPI order, pay at the
 * cashier, receive the notification (verified and decrypted), query the order (SUCCESS).
 */
export async function payOnce(
  merchant: BenchMerchant,
  receiver: NotificationReceiver,
  notifyUrl = receiver.url,
): Promise<string> {
  sequence += 1;
  const outTradeNo = `BENCH${process.pid}${String(sequence).padStart(10, '0')}`;
  const created = await merchant.v3('POST', '/v3/pay/transactions/jsapi', {
    appid: merchant.appid,
    mchid: merchant.mchid,
    description: 'A cup of tea',
    out_trade_no: outTradeNo,
    notify_url: notifyUrl,
    amount: { total: 100, currency: 'CNY' },
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
  });
  if (created.status !== 200) throw new Error(`the order answered ${created.status}`);
  const params = signPayment({
    appId: merchant.appid,
    prepayId: String(created.data?.prepay_id),
    privateKey: merchant.privateKey,
  });
  const notified = notifyUrl === receiver.url ? receiver.expect(outTradeNo) : Promise.resolve();
  const paid = await merchant.send('POST', '/sim/cashier', {
    api: 'requestPayment',
    params,
    action: 'pay',
  });
  if (!paid.body.includes('requestPayment:ok'))
    throw new Error(`the cashier answered ${paid.body}`);
  await notified;
  const query = await merchant.v3(
    'GET',
    `/v3/pay/transactions/out-trade-no/${outTradeNo}?mchid=${merchant.mchid}`,
  );
  if (query.data?.trade_state !== 'SUCCESS')
    throw new Error(`the query answered ${JSON.stringify(query.data)}`);
  return outTradeNo;
}

/** Runs flows `concurrency` at a time for `seconds`, adding to `tally` the flows completed. */
export async function payFor(
  merchant: BenchMerchant,
  receiver: NotificationReceiver,
  seconds: number,
  concurrency: number,
  tally: Tally = { count: 0, seconds: 0 },
): Promise<Tally> {
  const started = process.hrtime.bigint();
  const until = started + BigInt(Math.round(seconds * 1e9));
  const worker = async () => {
    while (process.hrtime.bigint() < until) {
      await payOnce(merchant, receiver);
      tally.count += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  tally.seconds += Number(process.hrtime.bigint() - started) / 1e9;
  return tally;
}
