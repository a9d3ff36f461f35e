import type { RequestEntry } from '../journal/journal';
import type { AttemptRecord, DeliveryRecord } from '../notifications/delivery';
import type { CashierNote, OrderRecord } from '../payments/order';
import type { RefundRecord } from '../payments/refund';
import type { RequestSubjects } from './activity';

/** A button of a row: what it does and its name. */
export interface RowAction {
  readonly id: string;
  readonly name: string;
}

/** What the cashier last answered for an order, in a word a person reads at a glance. */
export interface CashierView {
  readonly outcome: 'paid' | 'cancelled' | 'failed' | 'refused';
  readonly errMsg: string;
  readonly at: number;
}

/** The state of the notifications about a record: the latest one. */
export interface NotificationSummary {
  readonly id: string;
  readonly eventType: string;
  readonly state: DeliveryRecord['state'];
  readonly attempts: number;
  readonly nextAt: number | undefined;
  readonly lastAttempt: AttemptRecord | undefined;
}

export function cashierView(note: CashierNote | undefined): CashierView | undefined {
  if (!note) return undefined;
  const outcome = note.errMsg.endsWith(':ok')
    ? 'paid'
    : note.errMsg.endsWith(':fail cancel')
      ? 'cancelled'
      : note.action === 'fail' && note.errMsg.includes('支付失败')
        ? 'failed'
        : 'refused';
  return { outcome, errMsg: note.errMsg, at: note.at };
}

export function notificationSummary(
  record: DeliveryRecord | undefined,
): NotificationSummary | undefined {
  if (!record) return undefined;
  return {
    id: record.id,
    eventType: record.eventType,
    state: record.state,
    attempts: record.attempts.length,
    nextAt: record.nextAt,
    lastAttempt: record.attempts[record.attempts.length - 1],
  };
}

export function transactionRow(
  order: OrderRecord,
  context: {
    readonly notification: DeliveryRecord | undefined;
    readonly refunded: number;
    readonly actions: readonly RowAction[];
  },
) {
  return {
    key: order.key,
    api: order.api,
    mode: order.mode,
    mchid: order.mchid,
    subMchid: order.subMchid,
    outTradeNo: order.outTradeNo,
    transactionId: order.transactionId,
    description: order.description,
    amount: order.total,
    currency: order.currency,
    refunded: context.refunded,
    tradeState: order.tradeState,
    cashier: cashierView(order.lastCashier),
    notification: notificationSummary(context.notification),
    createdAt: order.createdAt,
    successAt: order.successAt,
    actions: context.actions,
  };
}

export function refundRow(refund: RefundRecord, notification: DeliveryRecord | undefined) {
  return {
    key: refund.key,
    orderKey: refund.orderKey,
    mchid: refund.mchid,
    outRefundNo: refund.outRefundNo,
    outTradeNo: refund.outTradeNo,
    amount: refund.refund,
    total: refund.total,
    currency: refund.currency,
    reason: refund.reason,
    status: refund.status,
    notification: notificationSummary(notification),
    createdAt: refund.createdAt,
    successAt: refund.successAt,
  };
}

export function notificationRow(record: DeliveryRecord, orderKey: string | undefined) {
  return {
    id: record.id,
    orderKey,
    channel: record.channel,
    eventType: record.eventType,
    mchid: record.mchid,
    subject: record.subject,
    url: record.url,
    state: record.state,
    retries: record.retries,
    nextAt: record.nextAt,
    probe: record.probe,
    attempts: record.attempts,
    createdAt: record.createdAt,
  };
}

export function requestRow(
  entry: RequestEntry,
  subjects: RequestSubjects,
  orderKey: string | undefined,
) {
  return { ...entry, subjects, orderKey };
}

/** Field names whose values are never sent to the page, whatever collection holds them. */
const SECRET = /key|secret|private|pem|password|token/i;

/**
 * A record of a collection the dashboard has no view of (transfer bills, and whatever a later
 * part adds): its id, a state, an amount and a time when it has fields that look like them,
 * and its other short fields, secrets left out.
 */
export function genericRow(collection: string, id: string, record: unknown) {
  const fields =
    typeof record === 'object' && record !== null ? (record as Record<string, unknown>) : {};
  const pick = (...names: string[]) =>
    names.map((name) => fields[name]).find((value) => value !== undefined);
  const shown: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (SECRET.test(name)) continue;
    if (typeof value === 'number' || typeof value === 'boolean') shown[name] = value;
    else if (typeof value === 'string' && value.length <= 80) shown[name] = value;
  }
  const amount = pick('amount', 'transferAmount', 'total', 'transfer_amount');
  const state = pick('state', 'status', 'tradeState');
  const createdAt = pick('createdAt', 'created_at');
  return {
    collection,
    id,
    state: typeof state === 'string' ? state : undefined,
    amount: typeof amount === 'number' ? amount : undefined,
    createdAt: typeof createdAt === 'number' ? createdAt : undefined,
    fields: shown,
  };
}

export type TransactionRow = ReturnType<typeof transactionRow>;
export type RefundRow = ReturnType<typeof refundRow>;
export type NotificationRow = ReturnType<typeof notificationRow>;
export type RequestRow = ReturnType<typeof requestRow>;
export type GenericRow = ReturnType<typeof genericRow>;
