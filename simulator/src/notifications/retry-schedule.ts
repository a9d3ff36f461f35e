const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * WeChat Pay's waits between a notification's attempts after a failure (15 s, 15 s, 30 s,
 * 3 min, 10 min, 20 min, 30 min ×3, 60 min, 3 h ×3, 6 h ×2): 16 attempts in 24 h 4 min.
 */
export const RETRY_SCHEDULE_MS: readonly number[] = [
  15 * SECOND,
  15 * SECOND,
  30 * SECOND,
  3 * MINUTE,
  10 * MINUTE,
  20 * MINUTE,
  30 * MINUTE,
  30 * MINUTE,
  30 * MINUTE,
  60 * MINUTE,
  3 * HOUR,
  3 * HOUR,
  3 * HOUR,
  6 * HOUR,
  6 * HOUR,
];
