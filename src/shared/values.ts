/*
 * Reading and describing values the library did not make (a host's answer, a backend's JSON,
 * a caller's argument), for the client and the server kit alike: one formatting everywhere.
 */

/** `Array.isArray`, which throws for a revoked Proxy: that is no array. */
export function isArray(value: unknown): boolean {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** An object whose fields can be read by name: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !isArray(value);
}

/**
 * A short description of any value for a message: a string cut and written as JSON
 * (`"abc"`, a line break as `\n`, so a message stays one line), a number, boolean, null or
 * undefined as itself, anything else by its kind (`an object`). Never throws.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(excerpt(value, 40));
  if (typeof value === 'function') return 'a function';
  if (typeof value !== 'object' || value === null) return String(value);
  return isArray(value) ? 'an array' : 'an object';
}

/**
 * What a throw threw, for a message: `TypeError: <message>`, or a non-Error described as
 * such (`'boom', not an Error`; `an object, not an Error: {"errMsg":…}`), never `undefined`.
 * Never throws.
 */
export function describeThrown(thrown: unknown): string {
  try {
    const { name, message } = thrown as Error;
    if (typeof message === 'string' && typeof name === 'string') return `${name}: ${message}`;
    const json = typeof thrown === 'object' ? `: ${excerpt(JSON.stringify(thrown))}` : '';
    return `${describeValue(thrown)}, not an Error${json}`;
  } catch {
    // null and undefined have no fields; a Proxy may refuse to be read.
    return `${describeValue(thrown)}, not an Error`;
  }
}

/** `text` cut to `length` characters, `…` marking the cut. */
export function excerpt(text: string, length = 80): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
