import type { EntryDetail, Lane, SequenceMessage } from './entry';

/** What the timeline and the sequence view show of one entry. */
export interface EntryDescription {
  readonly summary: string;
  readonly refusal: boolean;
  readonly messages: readonly SequenceMessage[];
}

const MP: Lane = 'mini-program';
const M: Lane = 'merchant';
const P: Lane = 'platform';

const NOTIFICATION_NAMES = {
  payment: 'Payment notification',
  virtual: 'Delivery push',
  refund: 'Refund notification',
} as const;

/** Fen as yuan: 3900 CNY -> `39.00 CNY`. */
export function formatAmount(amount: number, currency: string): string {
  return `${(amount / 100).toFixed(2)} ${currency}`;
}

/** The sentence, the refusal flag and the arrows of an entry recorded at `at`. */
export function describeEntry(detail: EntryDetail, at: number): EntryDescription {
  const arrow = (from: Lane, to: Lane, label: string, when = at): SequenceMessage => ({
    from,
    to,
    label,
    at: when,
  });
  const plain = (summary: string, ...messages: SequenceMessage[]): EntryDescription => ({
    summary,
    refusal: false,
    messages,
  });
  switch (detail.type) {
    case 'created': {
      const summary = `Order created: ${detail.productId}, ${formatAmount(detail.amount, detail.currency)}, profile ${detail.profile}.`;
      return detail.kind === 'payment'
        ? plain(
            summary,
            arrow(MP, M, 'createOrder'),
            arrow(M, P, 'JSAPI order (prepay_id)'),
            arrow(M, MP, '201: signed params'),
          )
        : plain(summary, arrow(MP, M, 'createOrder'), arrow(M, MP, '201: signed params'));
    }
    case 'cashier': {
      const plan =
        detail.action !== 'pay'
          ? ''
          : detail.dropNotify
            ? '; the notification is held back (dropNotify)'
            : `; notification in ${detail.notifyDelayMs} ms`;
      return plain(
        `Cashier: ${detail.action} (${detail.api})${plan}.`,
        arrow(MP, P, `${detail.api}: ${detail.action}${detail.dropNotify ? ' (dropNotify)' : ''}`),
      );
    }
    case 'cashier-answer':
      return detail.reason === undefined
        ? plain(`The cashier answered ${detail.errMsg}.`, arrow(P, MP, detail.errMsg))
        : {
            summary: `Refused: ${detail.reason} (${detail.errMsg}).`,
            refusal: true,
            messages: [arrow(P, MP, `refused: ${detail.errMsg}`)],
          };
    case 'notification':
      return describeNotification(detail, at, arrow, plain);
    case 'applied':
      return describeApplied(detail, arrow);
    case 'status-query':
      return plain(
        `Status query (waitMs ${detail.waitMs}) held ${detail.heldMs} ms, answered ${detail.state}.`,
        arrow(MP, M, `status? waitMs=${detail.waitMs}`, at - detail.heldMs),
        arrow(M, MP, `${detail.state} (held ${detail.heldMs} ms)`),
      );
    case 'active-query': {
      const answer = detail.platformState ?? 'no record';
      const effect = detail.changed ? `the order is now ${detail.state}` : 'no change';
      return plain(
        `Active query at the platform: ${answer}; ${effect}.`,
        arrow(M, P, 'query order'),
        arrow(P, M, answer),
      );
    }
    case 'refund':
      return plain(
        `Refunded in full on the platform: ${formatAmount(detail.amount, detail.currency)}.`,
        arrow(M, P, 'refund'),
        arrow(P, M, 'refunded'),
      );
    case 'closed':
      return plain(
        `Closed by the merchant: the order is ${detail.state}.`,
        arrow(M, P, 'close order'),
        arrow(P, M, 'closed'),
      );
    case 'refused':
      return {
        summary: `Refused: ${detail.route} answered ${detail.status}: ${detail.message}.`,
        refusal: true,
        messages: [arrow(M, M, `refused ${detail.route}: ${detail.status}`)],
      };
  }
}

type Arrow = (from: Lane, to: Lane, label: string, when?: number) => SequenceMessage;

function describeNotification(
  detail: Extract<EntryDetail, { type: 'notification' }>,
  at: number,
  arrow: Arrow,
  plain: (summary: string, ...messages: SequenceMessage[]) => EntryDescription,
): EntryDescription {
  const name = `${NOTIFICATION_NAMES[detail.notification]} #${detail.deliveryId}`;
  switch (detail.event) {
    case 'scheduled': {
      const due = Math.max(0, (detail.dueAt ?? at) - at);
      return detail.replayOf === undefined
        ? plain(`${name} scheduled, due in ${due} ms.`, arrow(P, P, `#${detail.deliveryId} due`))
        : plain(
            `${name} scheduled: a replay of #${detail.replayOf} (a duplicate), due in ${due} ms.`,
            arrow(P, P, `replay of #${detail.replayOf}`),
          );
    }
    case 'held':
      return plain(
        `${name} held back (dropNotify): it is not sent unless delivered from the dashboard.`,
        arrow(P, P, `#${detail.deliveryId} held back`),
      );
    case 'forced':
      return plain(
        `${name} sent now from the dashboard.`,
        arrow(P, P, `#${detail.deliveryId} now`),
      );
    case 'dropped':
      return plain(
        `${name} dropped from the dashboard: it will not arrive.`,
        arrow(P, P, `#${detail.deliveryId} dropped`),
      );
    case 'attempt': {
      const answer =
        detail.status === undefined
          ? `no answer (${detail.error ?? 'failed'})`
          : `${detail.status}`;
      const heard =
        detail.status === undefined
          ? `the merchant did not answer (${detail.error ?? 'the request failed'})`
          : `the merchant answered ${detail.status}`;
      const next =
        detail.deliveryState === 'delivered'
          ? 'delivered'
          : detail.retryAt !== undefined
            ? `retry in ${Math.max(0, detail.retryAt - at)} ms`
            : detail.deliveryState === 'gave-up'
              ? 'no retry left, the platform gave up'
              : detail.deliveryState;
      return plain(
        `${name}, attempt ${detail.attempt ?? 1}: ${heard}; ${next}.`,
        arrow(P, M, `${name.split(' #')[0]} #${detail.deliveryId}`, detail.sentAt ?? at),
        arrow(M, P, `${answer}${detail.deliveryState === 'delivered' ? '' : `, ${next}`}`),
      );
    }
  }
}

function describeApplied(
  detail: Extract<EntryDetail, { type: 'applied' }>,
  arrow: Arrow,
): EntryDescription {
  switch (detail.outcome) {
    case 'applied':
      return {
        summary: `The merchant applied the notification: the order is ${detail.state}.`,
        refusal: false,
        messages: [arrow(M, M, `applied: ${detail.state}`)],
      };
    case 'unchanged':
      return {
        summary: `The merchant took the notification; it changes nothing (the order is ${detail.state}).`,
        refusal: false,
        messages: [arrow(M, M, 'taken, no change')],
      };
    case 'duplicate':
      return {
        summary:
          'The merchant recognised a duplicate notification and acknowledged it; nothing changed.',
        refusal: false,
        messages: [arrow(M, M, 'duplicate, acknowledged')],
      };
    case 'rejected':
      return {
        summary: `Refused: the merchant rejected the notification: ${detail.message ?? 'no reason given'}.`,
        refusal: true,
        messages: [arrow(M, M, 'rejected')],
      };
  }
}
