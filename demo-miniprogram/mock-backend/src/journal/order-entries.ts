import { VIRTUAL_STATUS_NAMES } from '../domain/order-state';
import type { ApplyOutcome } from '../merchant/order-book/apply-outcome';
import { isWeChatPayOrder, stateOf } from '../merchant/order-book/state-rules';
import type { SimulatedPlatform } from '../platform/simulated-platform';
import type { MerchantOrder } from '../storage/state';
import type { Journal } from './journal';

/** The journal's calls from the order book: one per event, each a line at its call site. */

export function journalCreated(journal: Journal, order: MerchantOrder): void {
  journal.record(order.orderId, {
    type: 'created',
    kind: order.kind,
    profile: order.profile,
    productId: order.productId,
    amount: order.amount,
    currency: order.currency,
  });
}

/** A notification applied by the merchant (query results are journalled as the query). */
export function journalApplied(
  journal: Journal,
  orderId: string,
  order: MerchantOrder | undefined,
  outcome: ApplyOutcome,
): ApplyOutcome {
  journal.record(orderId, {
    type: 'applied',
    outcome: outcome.kind,
    state: order ? stateOf(order) : 'pending',
    ...(outcome.kind === 'rejected' ? { message: outcome.message } : {}),
  });
  return outcome;
}

/** An active query of the platform, with what it answered and whether the order moved. */
export function journalQueried(
  journal: Journal,
  order: MerchantOrder,
  stateBefore: string,
  platform: SimulatedPlatform,
): void {
  const state = stateOf(order);
  journal.record(order.orderId, {
    type: 'active-query',
    platformState: platformAnswer(order, platform),
    state,
    changed: state !== stateBefore,
  });
}

/** What the platform's query answers of the order's state; undefined when it has no record. */
function platformAnswer(order: MerchantOrder, platform: SimulatedPlatform): string | undefined {
  if (isWeChatPayOrder(order)) return platform.wechatPay.query(order.orderId)?.trade_state;
  if (order.kind === 'common') return platform.b2bPayment.query(order.orderId)?.payStatus;
  if (order.kind === 'transfer') return platform.transfers.query(order.orderId)?.state;
  const found = platform.virtualPayment.query(order.orderId);
  return found ? VIRTUAL_STATUS_NAMES[found.status] : undefined;
}

export function journalClosed(journal: Journal, order: MerchantOrder): void {
  journal.record(order.orderId, { type: 'closed', state: stateOf(order) });
}

/** A request the merchant refused before reading it (bad signature, clock, shape). */
export function journalRefused(
  journal: Journal,
  subject: string | undefined,
  route: string,
  refusal: { readonly status: number; readonly message: string },
): void {
  journal.record(subject, {
    type: 'refused',
    route,
    status: refusal.status,
    message: refusal.message,
  });
}

/** The order a virtual or B2b push says it is about (untrusted: only to file a refusal under). */
export function claimedOrderOfPush(rawBody: Buffer | string): string | undefined {
  try {
    const body = JSON.parse(String(rawBody)) as {
      OutTradeNo?: unknown;
      MchOrderId?: unknown;
      out_trade_no?: unknown;
    };
    const claimed = body.OutTradeNo ?? body.MchOrderId ?? body.out_trade_no;
    return typeof claimed === 'string' ? claimed : undefined;
  } catch {
    return undefined;
  }
}
