/** Headers as `node:http` (`IncomingHttpHeaders`), fetch (`Headers`) or a plain object give them. */
export type HeadersInput = Record<string, string | string[] | undefined> | Headers;

/** One header's value, or why it cannot be used (`missing`, `duplicate`, `malformed`). */
export type HeaderValue =
  | { readonly ok: true; readonly value: string }
  | {
      readonly ok: false;
      readonly problem: 'missing' | 'duplicate' | 'malformed';
      readonly detail: string;
    };

/** The headers' values of `name` (any letter case), each as received. */
function valuesOf(headers: object, name: string): unknown[] {
  const get = (headers as { get?: unknown }).get;
  if (typeof get === 'function') {
    const value: unknown = get.call(headers, name);
    return value === null || value === undefined ? [] : [value];
  }
  const lower = name.toLowerCase();
  const values: unknown[] = [];
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== lower) continue;
    const value = (headers as Record<string, unknown>)[key];
    if (Array.isArray(value)) values.push(...value);
    else if (value !== undefined) values.push(value);
  }
  return values;
}

/**
 * Reads header `name` in any letter case. Several values are a `duplicate` unless they are
 * equal (a header named twice with different cases). May throw for hostile input (a Proxy);
 * the caller catches.
 */
export function readHeader(headers: object, name: string): HeaderValue {
  const values = valuesOf(headers, name);
  if (values.length === 0 || values.every((value) => value === '')) {
    return { ok: false, problem: 'missing', detail: `the ${name} header is missing` };
  }
  const [first] = values;
  if (typeof first !== 'string' || values.some((value) => typeof value !== 'string')) {
    return { ok: false, problem: 'malformed', detail: `the ${name} header is not a string` };
  }
  if (values.some((value) => value !== first)) {
    return {
      ok: false,
      problem: 'duplicate',
      detail: `the ${name} header came ${values.length} times with different values`,
    };
  }
  return { ok: true, value: first };
}
