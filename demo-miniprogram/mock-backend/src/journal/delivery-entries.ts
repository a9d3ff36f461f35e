import type { DeliveryEvent } from '../platform/notifications/delivery';
import type { Journal } from './journal';

/** The notifier's observer: each delivery event as a journal entry of its order. */
export function journalDeliveries(journal: Journal): (event: DeliveryEvent) => void {
  return (event) => {
    const { record } = event;
    const base = {
      type: 'notification',
      deliveryId: record.id,
      notification: record.kind,
      deliveryState: record.state,
      ...(record.replayOf === undefined ? {} : { replayOf: record.replayOf }),
    } as const;
    if (event.type === 'scheduled') {
      journal.record(record.orderId, {
        ...base,
        event: 'scheduled',
        dueAt: event.dueAt,
        delayMs: event.delayMs,
      });
      return;
    }
    if (event.type !== 'attempted') {
      journal.record(record.orderId, { ...base, event: event.type });
      return;
    }
    const last = record.attempts[record.attempts.length - 1];
    journal.record(record.orderId, {
      ...base,
      event: 'attempt',
      attempt: record.attempts.length,
      ...(last === undefined
        ? {}
        : {
            sentAt: last.at,
            ...(last.status === undefined ? {} : { status: last.status }),
            ...(last.error === undefined ? {} : { error: last.error }),
            ...(last.retryAt === undefined ? {} : { retryAt: last.retryAt }),
          }),
    });
  };
}
