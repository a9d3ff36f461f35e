const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** RFC 3339 with the +08:00 offset WeChat Pay uses, e.g. `2018-06-08T10:34:56+08:00`. */
export function rfc3339Beijing(ms: number): string {
  const shifted = new Date(Math.floor(ms / 1000) * 1000 + BEIJING_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 19)}+08:00`;
}

/** `yyyyMMddHHmmss` in Beijing time, as WeChat's ids embed it. */
export function compactBeijingTime(ms: number): string {
  return rfc3339Beijing(ms).slice(0, 19).replace(/[-T:]/g, '');
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch of an RFC 3339 date-time, or undefined when it is not one. */
export function parseRfc3339(value: string): number | undefined {
  if (!RFC3339.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
