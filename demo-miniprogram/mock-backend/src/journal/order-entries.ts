import { VIRTUAL_STATUS_NAMES } from '../domain/order-state';
import type { ApplyOutcome } from '../merchant/order-book/apply-outcome';
import { stateOf } from '../merchant/order-book/state-rules';
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
  let platformState: string | undefined;
  if (order.kind === 'payment')
    platformState = platform.wechatPay.query(order.orderId)?.trade_state;
  else {
    const found = platform.virtualPayment.query(order.orderId);
    platformState = found ? VIRTUAL_STATUS_NAMES[found.status] : undefined;
  }
  journal.record(order.orderId, {
    type: 'active-query',
    platformState,
    state,
    changed: state !== stateBefore,
  });
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

/** The order a virtual push says it is about (untrusted: only to file a refusal under). */
export function claimedOrderOfPush(rawBody: Buffer | string): string | undefined {
  try {
    const body = JSON.parse(String(rawBody)) as { OutTradeNo?: unknown; MchOrderId?: unknown };
    const claimed = body.OutTradeNo ?? body.MchOrderId;
    return typeof claimed === 'string' ? claimed : undefined;
  } catch {
    return undefined;
  }
}
