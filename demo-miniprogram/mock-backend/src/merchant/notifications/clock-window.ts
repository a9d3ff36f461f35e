/**
 * A virtual payment push whose CreateTime is further than this from now is refused; exactly
 * this far is accepted, as the server kit's `verifyNotification` does for v3 notifications.
 */
export const MAX_NOTIFICATION_SKEW_SECONDS = 300;

/** Whether a push's CreateTime (Unix seconds) is close enough to now. */
export function isWithinClockWindow(timestampSeconds: number, nowMs: number): boolean {
  return Math.abs(Math.floor(nowMs / 1000) - timestampSeconds) <= MAX_NOTIFICATION_SKEW_SECONDS;
}
