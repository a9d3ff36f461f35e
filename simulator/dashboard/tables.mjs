import { describeAttempt, describeNotification, describeVerdict } from './describe.mjs';
import { element, formatAmount, formatShortDateTime, formatTime } from './format.mjs';
import { createKeyedRows } from './keyed-rows.mjs';

const cell = (text, attributes = {}) => element('td', attributes, text);
const head = (text) => element('th', { scope: 'row' }, text);
const code = (text) => {
  const node = element('td');
  node.append(element('code', {}, text));
  return node;
};

/** Refunds: one row each, newest first. */
export function createRefunds({ body, empty }) {
  return createKeyedRows({
    body,
    keyOf: (refund) => refund.key,
    onCount: (size) => (empty.hidden = size > 0),
    cells: (refund) => [
      head(refund.outRefundNo),
      code(refund.outTradeNo),
      cell(
        `${formatAmount(refund.amount, refund.currency)} of ${formatAmount(refund.total, refund.currency)}`,
        { class: 'amount' },
      ),
      cell(refund.status, { class: `status status-${refund.status}` }),
      cell(
        refund.notification
          ? `${refund.notification.eventType} ${describeNotification(refund.notification)}`
          : 'none',
        { class: 'wrap' },
      ),
      cell(formatShortDateTime(refund.createdAt), { class: 'time' }),
    ],
  });
}

/** Every notification with every attempt, newest first. */
export function createNotifications({ body, empty }) {
  return createKeyedRows({
    body,
    keyOf: (notification) => notification.id,
    onCount: (size) => (empty.hidden = size > 0),
    cells: (notification) => {
      const attempts = element('ol', { class: 'attempts', 'aria-label': 'Attempts' });
      for (const attempt of notification.attempts) {
        const ok = attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300;
        const item = element('li', { class: ok ? 'attempt ok' : 'attempt failed' });
        item.append(
          element(
            'time',
            { title: `wall clock ${formatTime(attempt.wallAt)}` },
            formatTime(attempt.at),
          ),
          ` ${describeAttempt(attempt)}`,
        );
        attempts.append(item);
      }
      const what = element('th', { scope: 'row' });
      what.append(
        element('span', { class: 'event' }, notification.eventType),
        ' ',
        element('code', {}, notification.subject),
      );
      const state = notification.probe
        ? `signature probe: ${notification.probe}`
        : describeNotification({
            ...notification,
            attempts: notification.attempts.length,
            lastAttempt: undefined,
          });
      const attemptsCell = element('td');
      attemptsCell.append(
        notification.attempts.length ? attempts : element('span', { class: 'muted' }, 'none yet'),
      );
      return [
        what,
        cell(notification.url, { class: 'url' }),
        cell(state, { class: `notification-${notification.state}` }),
        attemptsCell,
        cell(formatShortDateTime(notification.createdAt), { class: 'time' }),
      ];
    },
  });
}

/** API requests and their verdicts, newest first (the newest `limit`). */
export function createRequests({ body, empty, limit }) {
  return createKeyedRows({
    body,
    limit,
    keyOf: (request) => request.requestId,
    onCount: (size) => (empty.hidden = size > 0),
    cells: (request) => {
      const refused = request.verdict.verified === false;
      return [
        cell(formatTime(request.at), { class: 'time' }),
        element('th', { scope: 'row', class: 'request' }, `${request.method} ${request.url}`),
        cell(request.mchid ?? '—', { class: 'merchant' }),
        cell(describeVerdict(request.verdict), {
          class: refused
            ? 'verdict refused'
            : request.verdict.verified
              ? 'verdict verified'
              : 'verdict',
        }),
        cell(request.code ? `${request.status} ${request.code}` : String(request.status), {
          class: request.status >= 400 ? 'answer refused' : 'answer',
        }),
      ];
    },
  });
}
