/** The largest delay `setTimeout` holds, in a mini program and in Node alike (about 24.8 days). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Unix time in whole seconds, as WeChat Pay counts it (signatures send it as its digits). */
export function unixSeconds(nowMs: number = Date.now()): number {
  return Math.floor(nowMs / 1000);
}
