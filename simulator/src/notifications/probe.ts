import { randomBytes } from 'node:crypto';
import type { TestClock } from '../clock/test-clock';
import type { MerchantRegistry } from '../merchants/registry';
import type { Channel } from './notifier';
import { v3NotificationHeaders } from './v3-notification';

/** What WeChat Pay's signature probes start their `Wechatpay-Signature` with. */
export const PROBE_SIGNATURE_PREFIX = 'WECHATPAY/SIGNTEST/';

/**
 * Signature probes: a v3 notification whose `Wechatpay-Signature` is `WECHATPAY/SIGNTEST/` and
 * random bytes, as WeChat Pay sends to check that a merchant verifies. Any 2xx is the merchant
 * accepting a forged notification.
 */
export function probeChannel(merchants: MerchantRegistry, clock: TestClock): Channel {
  return {
    request: (record) => ({
      url: record.url,
      headers: {
        ...v3NotificationHeaders(merchants, clock, record.mchid, record.body),
        'Wechatpay-Signature': `${PROBE_SIGNATURE_PREFIX}${randomBytes(256).toString('base64')}`,
      },
      body: record.body,
    }),
    acknowledged: (status) => status >= 200 && status < 300,
  };
}
