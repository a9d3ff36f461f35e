import { describeAttempt } from './describe.mjs';

/**
 * The messages of one order between the mini program, the merchant server and WeChat Pay, from
 * what the page holds: API requests and their answers, uses of the cashier, every attempt of
 * every notification, and its refunds. Each `{ at, from, to, label, refused }`, in time order.
 */
export function messagesOf(key, data) {
  const messages = [];
  const add = (at, from, to, label, refused = false) =>
    messages.push({ at, from, to, label, refused, order: messages.length });
  for (const request of data.requests) {
    if (request.orderKey !== key) continue;
    const path = request.url.replace(/^\/v3\//, '').split('?')[0];
    // The journal notes a request when it is answered: it came `durationMs` before.
    add(request.at - request.durationMs, 'merchant', 'wechat', `${request.method} ${path}`);
    const refused = request.status >= 400;
    const answer = request.code ? `${request.status} ${request.code}` : String(request.status);
    add(request.at, 'wechat', 'merchant', answer, refused);
  }
  for (const use of data.cashier) {
    if (use.orderKey !== key) continue;
    add(use.at, 'phone', 'wechat', `${use.api}: ${use.action}`);
    add(use.at, 'wechat', 'phone', use.errMsg, !use.errMsg.endsWith(':ok'));
  }
  for (const notification of data.notifications) {
    if (notification.orderKey !== key) continue;
    notification.attempts.forEach((attempt, index) => {
      add(attempt.at, 'wechat', 'merchant', `${notification.eventType} #${index + 1}`);
      const ok = attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300;
      add(attempt.at + attempt.durationMs, 'merchant', 'wechat', describeAttempt(attempt), !ok);
    });
    if (notification.state === 'dropped' && notification.attempts.length === 0) {
      add(notification.createdAt, 'wechat', 'wechat', `${notification.eventType} held back`);
    }
  }
  for (const refund of data.refunds) {
    if (refund.orderKey !== key) continue;
    add(refund.createdAt, 'wechat', 'wechat', `refund ${refund.outRefundNo}: ${refund.status}`);
  }
  return messages.sort((a, b) => a.at - b.at || a.order - b.order);
}
