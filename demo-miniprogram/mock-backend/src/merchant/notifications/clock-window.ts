/**
 * A notification whose timestamp is further than this from now is refused; exactly this far
 * is accepted, as WeChat Pay's own SDKs do.
 */
export const MAX_NOTIFICATION_SKEW_SECONDS = 300;

/** Whether a notification timestamp (Unix seconds) is close enough to now. */
export function isWithinClockWindow(timestampSeconds: number, nowMs: number): boolean {
  return Math.abs(Math.floor(nowMs / 1000) - timestampSeconds) <= MAX_NOTIFICATION_SKEW_SECONDS;
}
