import type { EntryDescription } from './describe-entry';
import type { EntryDetail, Lane, SequenceMessage } from './entry';
import { endSentence } from './sentence';

const M: Lane = 'merchant';
const P: Lane = 'platform';

const NOTIFICATION_NAMES = {
  payment: 'Payment notification',
  virtual: 'Delivery push',
  refund: 'Refund notification',
  transfer: 'Transfer notification',
  b2b: 'B2b payment push',
} as const;

export type Arrow = (from: Lane, to: Lane, label: string, when?: number) => SequenceMessage;

export function describeNotification(
  detail: Extract<EntryDetail, { type: 'notification' }>,
  at: number,
  arrow: Arrow,
  plain: (summary: string, ...messages: SequenceMessage[]) => EntryDescription,
): EntryDescription {
  const name = `${NOTIFICATION_NAMES[detail.notification]} #${detail.deliveryId}`;
  switch (detail.event) {
    case 'scheduled': {
      // The wait itself: the journal's clock may have ticked since the notifier read its own.
      const due = detail.delayMs ?? Math.max(0, (detail.dueAt ?? at) - at);
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

export function describeApplied(
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
        summary: endSentence(
          `Refused: the merchant rejected the notification: ${detail.message ?? 'no reason given'}`,
        ),
        refusal: true,
        messages: [arrow(M, M, 'rejected')],
      };
  }
}
