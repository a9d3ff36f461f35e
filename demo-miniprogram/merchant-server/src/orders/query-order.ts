import type { Transaction, TransferBill } from '../kit';
import type { Merchant } from '../merchant';
import { unlessMissing } from '../wechat/wechat-pay';
import { applyReport, type Outcome, type Report } from './apply-report';
import { b2bReport, virtualQueryReport } from './family-reports';
import { type Order, V2_SIGN_TYPES } from './order';
import { transactionReport, transferBillReport, v2Report } from './wechat-pay-reports';

/** Merchant transfer bills (商家转账). */
export const BILLS = '/v3/fund-app/mch-transfer/transfer-bills';

/**
 * Asks WeChat about the order, as a merchant does when a notification is late, and applies the
 * answer as the notification would be: `GET /v3/pay/transactions/out-trade-no/{no}`,
 * `/pay/orderquery` (v2), the transfer bill query, `/xpay/query_order` or
 * `/retail/B2b/getorder`. Undefined when the merchant or the platform has no such order;
 * rejects when WeChat cannot be asked.
 */
export async function queryOrder(
  merchant: Merchant,
  orderId: string,
): Promise<Outcome | undefined> {
  const order = await merchant.store.getOrder(orderId);
  if (!order) return undefined;
  const report = await askPlatform(merchant, order);
  if (typeof report === 'string')
    throw new Error(`[merchant-server] the query of ${order.orderId}: ${report}`);
  if (!report) return undefined;
  const outcome = await applyReport(merchant, report);
  if (outcome.kind === 'rejected') {
    console.error(
      `[merchant-server] the query of ${order.orderId} answered what does not fit the order: ${outcome.message}`,
    );
  }
  return outcome;
}

async function askPlatform(merchant: Merchant, order: Order): Promise<Report | string | undefined> {
  const { config, platform } = merchant;
  switch (order.kind) {
    case 'virtual': {
      const found = await unlessUnknown(
        platform.api.queryVirtualOrder(order.orderId, order.openid, order.env ?? 0),
      );
      return found && virtualQueryReport(order.orderId, found);
    }
    case 'common': {
      const found = await unlessUnknown(platform.api.b2b('/retail/B2b/getorder', order.orderId));
      return found && b2bReport(config, found);
    }
    case 'transfer': {
      const bill = await platform.pay.find<TransferBill>(`${BILLS}/out-bill-no/${order.orderId}`);
      return bill && transferBillReport(config, bill);
    }
    default: {
      if (order.api === 'v3') {
        const transaction = await platform.pay.find<Transaction>(
          `/v3/pay/transactions/out-trade-no/${order.orderId}?mchid=${config.mchId}`,
        );
        return transaction && transactionReport(config, transaction);
      }
      const fields = await platform.pay.v2('/pay/orderquery', {
        out_trade_no: order.orderId,
        sign_type: V2_SIGN_TYPES[order.profile] ?? 'MD5',
      });
      return fields && v2Report(config, fields);
    }
  }
}

/**
 * A virtual payment or B2b order is WeChat's once the cashier opened it: before, its query
 * answers an errcode, which counts as no such order.
 */
const unlessUnknown = <T>(query: Promise<T>) =>
  unlessMissing(query, (code) => /^-?[0-9]+$/.test(code));
