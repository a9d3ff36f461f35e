import { type Refund, type Transaction, type TransferBill, verifyNotification } from '../kit';
import type { Merchant } from '../merchant';
import { applyReport, type Outcome } from '../orders/apply-report';
import { refundReport, transactionReport, transferBillReport } from '../orders/wechat-pay-reports';

/** What to answer WeChat Pay: 204 taken, else the status and `{ code: 'FAIL', message }`. */
export interface NotificationAnswer {
  readonly status: number;
  readonly body?: { readonly code: 'FAIL'; readonly message: string };
}

const fail = (status: number, message: string): NotificationAnswer => ({
  status,
  body: { code: 'FAIL', message },
});

/**
 * A WeChat Pay v3 notification (`/pay/notify`, `/pay/transfer-notify`): verified and decrypted
 * by the kit with both platform keys (notifications come signed with the certificate or the
 * public key during WeChat Pay's migration; a signature probe is refused 401), then applied
 * to its order: `TRANSACTION.SUCCESS`, `REFUND.*` (a full refund that succeeded makes the
 * order refunded), `MCHTRANSFER.BILL.FINISHED`. Other events are acknowledged so that WeChat
 * Pay stops sending them; a duplicate changes nothing and is acknowledged too. Anything but
 * 204 makes WeChat Pay retry.
 */
export async function handleWeChatPayNotification(
  merchant: Merchant,
  request: {
    readonly headers: Record<string, string | string[] | undefined>;
    readonly body: Buffer;
  },
): Promise<NotificationAnswer> {
  const { certificate, publicKey } = merchant.platform.keys;
  const verified = verifyNotification<Transaction | Refund | TransferBill>(request, {
    platformKeys: { [certificate.serial]: certificate.pem, [publicKey.id]: publicKey.pem },
    apiV3Key: merchant.keys.material.apiV3Key,
  });
  if (!verified.ok) return fail(verified.status, verified.message);
  const { resource, notification } = verified;
  if (typeof resource !== 'object' || resource === null)
    return fail(400, 'the resource is not an object');
  const { config } = merchant;
  let outcome: Outcome = { kind: 'unchanged' };
  if (notification.event_type === 'TRANSACTION.SUCCESS') {
    outcome = await applyReport(merchant, transactionReport(config, resource as Transaction));
  } else if (notification.event_type.startsWith('REFUND.')) {
    const report = refundReport(config, resource as Refund);
    if (report) outcome = await applyReport(merchant, report);
  } else if (notification.event_type === 'MCHTRANSFER.BILL.FINISHED') {
    outcome = await applyReport(merchant, transferBillReport(config, resource as TransferBill));
  }
  return outcome.kind === 'rejected' ? fail(outcome.status, outcome.message) : { status: 204 };
}
