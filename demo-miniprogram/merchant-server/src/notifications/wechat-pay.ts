import {
  type Refund,
  type Transaction,
  type TransferBill,
  verifyNotification,
  verifyNotificationV2,
} from '../kit';
import type { Merchant } from '../merchant';
import { applyReport, type Outcome } from '../orders/apply-report';
import {
  refundReport,
  transactionReport,
  transferBillReport,
  v2Report,
} from '../orders/wechat-pay-reports';
import { type Answer, answerOutcome, PROTOCOLS, type Received } from './answers';

/**
 * A WeChat Pay v3 notification (`/pay/notify`, `/pay/transfer-notify`): verified and decrypted
 * by the kit with both platform keys (notifications come signed with the certificate or the
 * public key during WeChat Pay's migration; a signature probe is refused 401), then applied
 * to its order: `TRANSACTION.SUCCESS`, `REFUND.*` (a full refund that succeeded makes the
 * order refunded), `MCHTRANSFER.BILL.FINISHED`. Other events are acknowledged so that WeChat
 * Pay stops sending them; a duplicate changes nothing and is acknowledged too. Anything but
 * 204 makes WeChat Pay retry.
 */
export async function handleV3Notification(merchant: Merchant, request: Received): Promise<Answer> {
  const { certificate, publicKey } = merchant.platform.keys;
  const verified = verifyNotification<Transaction | Refund | TransferBill>(request, {
    platformKeys: { [certificate.serial]: certificate.pem, [publicKey.id]: publicKey.pem },
    apiV3Key: merchant.keys.material.apiV3Key,
  });
  if (!verified.ok) return PROTOCOLS.v3.fail(verified.status, verified.code, verified.message);
  const { resource, notification } = verified;
  if (typeof resource !== 'object' || resource === null)
    return PROTOCOLS.v3.fail(400, 'BAD_RESOURCE', 'the resource is not an object');
  const { config } = merchant;
  const event = notification.event_type;
  let outcome: Outcome = { kind: 'unchanged' };
  if (event === 'TRANSACTION.SUCCESS') {
    outcome = await applyReport(merchant, transactionReport(config, resource as Transaction));
  } else if (event === 'MCHTRANSFER.BILL.FINISHED') {
    outcome = await applyReport(merchant, transferBillReport(config, resource as TransferBill));
  } else if (event.startsWith('REFUND.')) {
    const report = refundReport(config, resource as Refund);
    if (report) outcome = await applyReport(merchant, report);
  }
  return answerOutcome('v3', outcome);
}

/**
 * A WeChat Pay API v2 payment notification (`/pay/v2-notify`, the `notify_url` of v2 orders):
 * XML verified by the kit's `verifyNotificationV2` with the v2 key, then applied to its order.
 */
export async function handleV2Notification(merchant: Merchant, request: Received): Promise<Answer> {
  const verified = verifyNotificationV2(request, { key: merchant.keys.material.v2ApiKey });
  if (!verified.ok) return PROTOCOLS.v2.fail(verified.status, verified.code, verified.message);
  return answerOutcome(
    'v2',
    await applyReport(merchant, v2Report(merchant.config, verified.notification)),
  );
}
