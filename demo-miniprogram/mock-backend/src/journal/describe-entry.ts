import { describeApplied, describeNotification } from './describe-notification';
import type { EntryDetail, Lane, SequenceMessage } from './entry';
import { endSentence } from './sentence';

/** What the timeline and the sequence view show of one entry. */
export interface EntryDescription {
  readonly summary: string;
  readonly refusal: boolean;
  readonly messages: readonly SequenceMessage[];
}

const MP: Lane = 'mini-program';
const M: Lane = 'merchant';
const P: Lane = 'platform';

/** The kinds of order the platform holds before the cashier, and what the merchant asks it. */
const PLATFORM_FIRST: Readonly<Record<string, string>> = {
  payment: 'JSAPI order (prepay_id)',
  order: 'JSAPI order (prepay_id)',
  plugin: 'JSAPI order (prepay_id)',
  transfer: 'transfer bill (WAIT_USER_CONFIRM)',
};

/** Fen as yuan: 3900 CNY -> `39.00 CNY`. */
function formatAmount(amount: number, currency: string): string {
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
      const atPlatform = PLATFORM_FIRST[detail.kind];
      return atPlatform === undefined
        ? plain(summary, arrow(MP, M, 'createOrder'), arrow(M, MP, '201: signed params'))
        : plain(
            summary,
            arrow(MP, M, 'createOrder'),
            arrow(M, P, atPlatform),
            arrow(
              M,
              MP,
              detail.kind === 'transfer' ? "201: the bill's package" : '201: signed params',
            ),
          );
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
        summary: endSentence(
          `Refused: ${detail.route} answered ${detail.status}: ${detail.message}`,
        ),
        refusal: true,
        messages: [arrow(M, M, `refused ${detail.route}: ${detail.status}`)],
      };
  }
}
