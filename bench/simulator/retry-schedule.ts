import { payOnce } from './flow';
import type { BenchMerchant } from './merchant';
import type { NotificationReceiver } from './receiver';

/**
 * WeChat Pay's 24-hour retry schedule, played through the test clock: a payment whose
 * notify_url always answers 500, then one `POST /sim/clock/advance` of 25 hours. Answers the
 * attempts made and the time the advance took (real time).
 */
export async function playRetrySchedule(
  merchant: BenchMerchant,
  receiver: NotificationReceiver,
): Promise<{ readonly attempts: number; readonly state: string; readonly milliseconds: number }> {
  const failing = receiver.url.replace(/\/pay\/notify$/, '/pay/fail');
  const outTradeNo = await payOnce(merchant, receiver, failing);
  const started = process.hrtime.bigint();
  const advanced = await merchant.send('POST', '/sim/clock/advance', { seconds: 25 * 60 * 60 });
  const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
  if (advanced.status !== 200) throw new Error(`the clock answered ${advanced.status}`);
  const listed = JSON.parse((await merchant.send('GET', '/sim/notifications')).body) as {
    notifications: { subject: string; state: string; attempts: unknown[] }[];
  };
  const notification = listed.notifications.find((item) => item.subject === outTradeNo);
  return {
    attempts: notification?.attempts.length ?? 0,
    state: notification?.state ?? 'missing',
    milliseconds,
  };
}
