import { createHash, timingSafeEqual } from 'node:crypto';
import { signVirtualPaymentApi } from '../kit';
import type { Merchant } from '../merchant';
import { applyReport } from '../orders/apply-report';
import { b2bReport, virtualPushReport } from '../orders/family-reports';
import { type Answer, answerOutcome, PROTOCOLS, type Received } from './answers';

const { virtual, b2b } = PROTOCOLS;
/** A push whose time is further than this from now is refused (as the kit's verifyNotification). */
const MAX_SKEW_SECONDS = 300;
const isRecent = (seconds: unknown) =>
  typeof seconds === 'number' &&
  Math.abs(Math.floor(Date.now() / 1000) - seconds) <= MAX_SKEW_SECONDS;
const sameText = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function parse(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A virtual payment push (`/pay/virtual-notify?pay_sig=`): `pay_sig = hmac_sha256(AppKey of
 * the body's Env, "/pay/virtual-notify&" + raw body)`, `CreateTime` within 5 minutes, then
 * applied to the order it was made for (its env, mode, product and price).
 */
export async function handleVirtualPush(merchant: Merchant, request: Received): Promise<Answer> {
  const raw = request.body;
  const body = parse(raw);
  if (!body || (body.Env !== 0 && body.Env !== 1))
    return virtual.fail(400, 'BAD_PUSH', 'the body is not a push with Env 0 or 1');
  const expected = signVirtualPaymentApi({
    uri: '/pay/virtual-notify',
    body: raw.toString('utf8'),
    appKey: merchant.keys.appKeyOf(body.Env),
  }).paySig;
  if (!sameText(request.query.pay_sig ?? '', expected))
    return virtual.fail(401, 'BAD_SIGNATURE', 'pay_sig does not verify');
  if (!isRecent(body.CreateTime))
    return virtual.fail(401, 'STALE_PUSH', 'CreateTime is more than 5 minutes away from now');
  const report = virtualPushReport(body);
  if (typeof report === 'string') return virtual.fail(400, 'BAD_PUSH', report);
  return answerOutcome('virtual', await applyReport(merchant, report));
}

/**
 * B2b payment's result, a message push (消息推送) of event `retail_pay_notify`
 * (`/pay/b2b-notify?signature=&timestamp=&nonce=`): `signature = sha1` of the Token,
 * timestamp and nonce sorted and joined, the timestamp within 5 minutes, the push for this mini
 * program; then applied to its order (mchid, payer, env, amount).
 */
export async function handleB2bPush(merchant: Merchant, request: Received): Promise<Answer> {
  const { signature = '', timestamp = '', nonce = '' } = request.query;
  const token = merchant.keys.material.messagePushToken;
  const expected = createHash('sha1')
    .update([token, timestamp, nonce].sort().join(''))
    .digest('hex');
  const unsigned = 'signature is not sha1 of the Token, timestamp and nonce';
  if (!sameText(signature, expected)) return b2b.fail(401, 'BAD_SIGNATURE', unsigned);
  if (!isRecent(Number(timestamp)))
    return b2b.fail(401, 'STALE_PUSH', 'timestamp is more than 5 minutes away from now');
  const body = parse(request.body);
  if (!body) return b2b.fail(400, 'BAD_PUSH', 'the body is not a JSON message push');
  if (body.MsgType !== 'event' || body.Event !== 'retail_pay_notify')
    return b2b.fail(400, 'BAD_PUSH', `unknown event ${String(body.Event)}`);
  if (body.appid !== merchant.config.appId)
    return b2b.fail(400, 'BAD_PUSH', 'appid is not this mini program');
  const report = b2bReport(merchant.config, body);
  if (typeof report === 'string') return b2b.fail(400, 'BAD_PUSH', report);
  return answerOutcome('b2b', await applyReport(merchant, report));
}
