import type { MerchantOrder } from '../../storage/state';

/** How a notification or query result was taken. */
export type ApplyOutcome =
  | { readonly kind: 'applied' | 'unchanged' | 'duplicate' }
  | { readonly kind: 'rejected'; readonly status: number; readonly message: string };

const MAX_REMEMBERED_NOTIFICATIONS = 20;

export function rejected(status: number, message: string): ApplyOutcome {
  return { kind: 'rejected', status, message };
}

/** Whether this notification was already applied to the order (WeChat sends duplicates). */
export function isDuplicate(order: MerchantOrder, notificationId: string | undefined): boolean {
  return notificationId !== undefined && order.appliedNotificationIds.includes(notificationId);
}

/** Remembers a notification as applied; only the last few are kept. */
export function remember(order: MerchantOrder, notificationId: string): void {
  order.appliedNotificationIds.push(notificationId);
  if (order.appliedNotificationIds.length > MAX_REMEMBERED_NOTIFICATIONS) {
    order.appliedNotificationIds.shift();
  }
}
