import { formatShortDateTime } from './format.mjs';

/** The words a person reads in a row: what the cashier answered, where a notification is. */

/** `cashier: cancelled`, or `cashier refused: 支付验证签名失败`. */
export function describeCashier(cashier) {
  if (!cashier) return '';
  if (cashier.outcome !== 'refused') return `cashier: ${cashier.outcome}`;
  return `cashier refused: ${cashier.errMsg.replace(/^[^:]*:fail\s*/, '')}`;
}

/** The result of one attempt: `204 in 3 ms`, `500`, `no answer within 5000 ms`. */
export function describeAttempt(attempt) {
  if (attempt.status === undefined) return attempt.error ?? 'no answer';
  return `${attempt.status} in ${attempt.durationMs} ms`;
}

const plural = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Where the latest notification about a record is. */
export function describeNotification(summary) {
  if (!summary) return 'none';
  const last = summary.lastAttempt ? ` (last: ${describeAttempt(summary.lastAttempt)})` : '';
  switch (summary.state) {
    case 'delivered':
      return `delivered after ${plural(summary.attempts, 'attempt')}${last}`;
    case 'scheduled':
      return summary.nextAt === undefined || summary.nextAt === null
        ? `being sent now${last}`
        : `next attempt ${formatShortDateTime(summary.nextAt)}${summary.attempts ? `, ${plural(summary.attempts, 'attempt')} made${last}` : ''}`;
    case 'dropped':
      return `held back (dropped)${summary.attempts ? `, ${plural(summary.attempts, 'attempt')} made` : ''}`;
    case 'gave-up':
      return `gave up after ${plural(summary.attempts, 'attempt')}${last}`;
    default:
      return summary.state;
  }
}

/** `Signature verified`, `Refused: <why>`, or `No signature asked`. */
export function describeVerdict(verdict) {
  if (verdict.verified === true) return 'Signature verified';
  if (verdict.verified === false) return `Refused: ${verdict.reason}`;
  return 'No signature checked';
}
