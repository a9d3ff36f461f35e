import { verifyNotificationV2 } from '../kit';
import type { Merchant } from '../merchant';
import { applyReport } from '../orders/apply-report';
import { v2Report } from '../orders/wechat-pay-reports';

/**
 * A WeChat Pay API v2 payment notification (`/pay/v2-notify`, the `notify_url` of v2 orders):
 * XML verified by the kit's `verifyNotificationV2` with the v2 key, then applied to its order.
 * Answered with the XML the kit gives (`return_code` SUCCESS; FAIL makes WeChat Pay retry).
 */
export async function handleV2Notification(
  merchant: Merchant,
  body: Buffer,
): Promise<{ readonly status: number; readonly xml: string }> {
  const verified = verifyNotificationV2({ body }, { key: merchant.keys.material.v2ApiKey });
  if (!verified.ok) return { status: verified.status, xml: verified.answer };
  const outcome = await applyReport(merchant, v2Report(merchant.config, verified.notification));
  if (outcome.kind !== 'rejected') return { status: 200, xml: verified.answer };
  const message = outcome.message.replace(/]]>/g, '');
  return {
    status: outcome.status,
    xml: `<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[${message}]]></return_msg></xml>`,
  };
}
